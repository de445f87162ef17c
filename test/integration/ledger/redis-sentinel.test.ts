// A real Sentinel failover under the Redis ledger: the master is SIGKILLed, the
// writer follows Sentinel to the promoted replica, and read-back comes from the
// new master. Replication is asynchronous, so a few writes acknowledged just
// before the kill may be lost — but never one acknowledged after the failover.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { createLedger } from "../../../runners/ledger/create-ledger.ts";
import type { LedgerWrite } from "../../../runners/ledger/record.ts";
import { reconcile } from "../../../runners/ledger/reconcile.ts";
import { startThrowawayRedis, startThrowawaySentinel, type ThrowawayRedis } from "../../support/throwaway-redis.ts";
import { waitUntil } from "../../support/wait-until.ts";

const NAME = "ledgermaster";
let master: ThrowawayRedis;
let replica: ThrowawayRedis;
let sentinel: ThrowawayRedis;

async function info(port: number, section: string): Promise<string> {
  const redis = new Redis(port, "127.0.0.1", { lazyConnect: true });
  try {
    await redis.connect();
    return await redis.info(section);
  } finally {
    redis.disconnect();
  }
}

beforeAll(async () => {
  master = await startThrowawayRedis();
  replica = await startThrowawayRedis({ replicaOf: master.port });
  await waitUntil(async () => (await info(replica.port, "replication")).includes("master_link_status:up"), 10_000, "replica sync");
  sentinel = await startThrowawaySentinel(master.port, NAME, 500);
  await waitUntil(async () => (await info(sentinel.port, "sentinel")).includes("slaves=1"), 15_000, "sentinel to see the replica");
});
afterAll(async () => {
  await sentinel?.destroy();
  await replica?.destroy();
  await master?.destroy();
});

describe("redis ledger behind Sentinel", () => {
  it("follows a failover and reads back from the promoted replica", async () => {
    const writer = createLedger({
      kind: "redis",
      name: "cache",
      sentinel: { sentinels: [{ host: "127.0.0.1", port: sentinel.port }], name: NAME },
      rateHz: 50,
      timeoutMs: 300,
      settleMs: 20_000,
    });
    const clock = monotonicClock();
    const writes: LedgerWrite[] = [];
    await writer.prepare();
    writer.start(clock, (w) => writes.push(w));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const killedAt = clock.now();
    await master.stop(true);
    await waitUntil(async () => (await info(replica.port, "replication")).includes("role:master"), 30_000, "promotion");
    const promotedAt = clock.now();
    // The writer follows within its reconnect backoff (≤ 1 s) once Sentinel announces the switch.
    const followed = async () => writes.filter((w) => w.ackAt !== undefined && w.t > promotedAt).length >= 10;
    await waitUntil(followed, 20_000, "10 writes acknowledged by the new master");
    await writer.stop();
    const readBack = await writer.readBack(clock);
    await writer.close();

    const result = reconcile(writes, readBack);
    const ackedAfter = writes.filter((w) => w.ackAt !== undefined && w.t > killedAt);
    expect(writes.some((w) => w.t > killedAt && w.error)).toBe(true); // the outage was seen
    expect(ackedAfter.length).toBeGreaterThanOrEqual(10); // and the writer followed the failover
    expect(readBack.source).toBe(`redis master 127.0.0.1:${replica.port}`);
    const ackAt = new Map(writes.map((w) => [w.seq, w.ackAt]));
    for (const seq of result.lost) expect(ackAt.get(seq)!).toBeLessThan(killedAt);
    expect(result.corrupted).toEqual([]);
  });
});
