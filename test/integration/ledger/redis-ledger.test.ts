// The Redis ledger against a real redis-server through the fault proxy.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { createLedger } from "../../../runners/ledger/create-ledger.ts";
import { ledgerKey } from "../../../runners/ledger/redis-ledger.ts";
import { startTcpProxy, type TcpProxy } from "../../../runners/proxy/tcp-proxy.ts";
import { startThrowawayRedis, type ThrowawayRedis } from "../../support/throwaway-redis.ts";
import { runStoreDrill } from "./store-drill.ts";

let redis: ThrowawayRedis;
let proxy: TcpProxy;
let direct: Redis;

beforeAll(async () => {
  redis = await startThrowawayRedis();
  proxy = await startTcpProxy({ upstreamHost: "127.0.0.1", upstreamPort: redis.port, name: "redis" });
  direct = new Redis(redis.url);
});
afterAll(async () => {
  direct?.disconnect();
  await proxy?.close();
  await redis?.destroy();
});

describe("redis ledger", () => {
  it("reports exactly the deleted and altered records, and writes that landed after timing out", async () => {
    const runId = `redis-truth-${Date.now()}`;
    const key = ledgerKey(runId);
    const writer = createLedger({
      kind: "redis",
      name: "cache",
      target: `redis://127.0.0.1:${proxy.listen.port}`,
      rateHz: 50,
      timeoutMs: 300,
      runId,
    });
    const outcome = await runStoreDrill(writer, proxy, {
      drop: new Set([2, 5, 9, 17, 30]),
      corrupt: new Set([4, 12]),
      remove: async (seq) => void (await direct.hdel(key, String(seq))),
      alter: async (seq) => void (await direct.hset(key, String(seq), "tampered")),
    });
    await writer.close();

    // Sabotage hits only acknowledged writes; on a loaded machine one may have timed out instead.
    expect(outcome.sabotaged.dropped.length).toBeGreaterThan(0);
    expect(outcome.result.lost).toEqual(outcome.sabotaged.dropped);
    expect(outcome.result.corrupted).toEqual(outcome.sabotaged.corrupted);
    expect(outcome.sabotaged.corrupted.length).toBeGreaterThan(0);
    // Writes sent while answers came too late landed all the same.
    expect(outcome.result.unacknowledgedPresent.filter((seq) => outcome.slowPhase.has(seq)).length).toBeGreaterThan(0);
    expect(outcome.writes.filter((w) => w.ackAt !== undefined && w.seq > 90).length).toBeGreaterThan(0); // recovered
  });

  it("fails writes fast through a partition and resumes after it heals, losing nothing", async () => {
    const writer = createLedger({ kind: "redis", name: "cache", target: `redis://127.0.0.1:${proxy.listen.port}`, rateHz: 50, timeoutMs: 200 });
    const clock = monotonicClock();
    let healedAt = Number.POSITIVE_INFINITY;
    const acks: number[] = [];
    const errors: number[] = [];
    await writer.prepare();
    const ackedAfterHeal: number[] = [];
    writer.start(clock, (w) => {
      (w.ackAt === undefined ? errors : acks).push(w.seq);
      if (w.ackAt !== undefined && w.t > healedAt) ackedAfterHeal.push(w.seq);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.setMode({ kind: "blackhole" });
    await new Promise((resolve) => setTimeout(resolve, 600));
    proxy.setMode({ kind: "pass" });
    healedAt = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await writer.stop();
    const readBack = await writer.readBack(clock);
    await writer.close();
    expect(errors.length).toBeGreaterThan(10);
    expect(ackedAfterHeal.length).toBeGreaterThan(10); // writes resumed after the heal
    const present = new Set(readBack.present);
    expect(acks.filter((seq) => !present.has(seq))).toEqual([]);
    expect(readBack.source).toBe(`redis master 127.0.0.1:${proxy.listen.port}`);
  });
});
