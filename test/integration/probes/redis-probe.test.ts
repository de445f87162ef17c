import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureRecovery } from "../../../runners/measure/recovery.ts";
import { createProbe } from "../../../runners/probes/create.ts";
import { startThrowawayRedis, startThrowawaySentinel, type ThrowawayRedis } from "../../support/throwaway-redis.ts";
import { between, runProbe, sleep } from "./run-probe.ts";

let master: ThrowawayRedis;
let replica: ThrowawayRedis;
beforeAll(async () => {
  master = await startThrowawayRedis();
  replica = await startThrowawayRedis({ replicaOf: master.port });
});
afterAll(async () => {
  await replica?.destroy();
  await master?.destroy();
});

const redis = (target: unknown, extra: Record<string, unknown> = {}) =>
  createProbe({ kind: "redis", name: "cache", target, rateHz: 50, timeoutMs: 300, ...extra });

describe("redis probe against throwaway servers", () => {
  it("PING, GET and SET at 50 Hz: all healthy once connected", async () => {
    for (const op of ["ping", "get", "set"]) {
      const { samples } = await runProbe(redis(master.target, { op }), [{ after: 600 }]);
      // The first sample may go out before the connection is up (the offline queue is off).
      expect(samples.slice(5).every((s) => s.ok)).toBe(true);
      expect(samples.length).toBeGreaterThan(25);
    }
  });

  it("SET on a replica answers READONLY: wrong-role (and the probe reconnects, looking for a master)", async () => {
    const { samples } = await runProbe(redis(replica.target, { op: "set" }), [{ after: 800 }]);
    expect(samples.filter((s) => s.ok)).toEqual([]);
    const readonly = samples.filter((s) => s.error === "wrong-role");
    expect(readonly.length).toBeGreaterThan(10);
    expect(readonly[0]?.detail).toMatch(/^READONLY/);
    expect(samples.filter((s) => s.error !== "wrong-role" && s.error !== "unreachable")).toEqual([]);
  });

  it("a replica answering PING is the wrong role (ROLE in the same round trip); readOnly: true probes it on purpose", async () => {
    const { samples } = await runProbe(redis(replica.target), [{ after: 500 }]);
    const wrong = samples.filter((s) => s.error === "wrong-role");
    expect(wrong.length).toBeGreaterThan(5);
    expect(wrong[0]?.detail).toMatch(/slave|replica/);
    expect(samples.filter((s) => s.ok)).toEqual([]);
    const onPurpose = await runProbe(redis(replica.target, { readOnly: true }), [{ after: 500 }]);
    expect(onPurpose.samples.slice(2).every((s) => s.ok)).toBe(true);
  });

  it("a stopped server surfaces as errors at once, not queued silence; the probe reconnects when it is back", async () => {
    const { samples, done, marks } = await runProbe(redis(master.target), [
      { after: 300, action: () => master.stop() },
      { after: 700, action: () => master.start() },
      { after: 1200 },
    ]);
    const down = between(samples, done[0]!, marks[1]!);
    expect(down.length).toBeGreaterThan(25);
    expect(down.filter((s) => s.ok)).toEqual([]);
    expect(down.every((s) => s.latencyMs < 100)).toBe(true); // failed fast, nothing queued
    const r = measureRecovery(samples, done[0]!, 300);
    expect(r.kind).toBe("recovered");
    await replica.stop(); // its master restarted without data; restart it to resync
    await replica.start();
  });

  it("a hung server (SIGSTOP) shows timeouts; on resume the probe recovers", async () => {
    const { samples, marks } = await runProbe(redis(master.target), [
      { after: 300, action: () => master.pause() },
      { after: 1200, action: () => master.resume() },
      { after: 1200 },
    ]);
    const hung = between(samples, marks[0]! + 1, marks[1]! - 300);
    expect(hung.length).toBeGreaterThan(30);
    // Timeouts first; once the probe drops the hung connection, commands still
    // on it end "reset" and new ones "unreachable" while it reconnects.
    expect(hung.filter((s) => s.ok)).toEqual([]);
    expect(hung[0]?.error).toBe("timeout");
    expect(hung.filter((s) => !["timeout", "reset", "unreachable"].includes(s.error!))).toEqual([]);
    const r = measureRecovery(samples, marks[0]!, 300);
    expect(r.kind).toBe("recovered");
    if (r.kind === "recovered") expect(r.recoveredAt - marks[1]!).toBeLessThan(700);
  });
});

describe("redis probe through Sentinel", () => {
  it("follows a failover: master killed, Sentinel promotes the replica, the probe recovers on the new master", async () => {
    const sentinel = await startThrowawaySentinel(master.port, "drillmaster");
    try {
      await sleep(1500); // let Sentinel discover the replica
      const target = { sentinels: [{ host: "127.0.0.1", port: sentinel.port }], name: "drillmaster" };
      const { samples, marks } = await runProbe(redis(target, { op: "set", timeoutMs: 500 }), [
        { after: 800, action: () => master.stop(true) },
        { after: 12_000 },
      ]);
      const killedAt = marks[0]!;
      expect(samples.slice(10, 35).every((s) => s.ok)).toBe(true);
      const r = measureRecovery(samples, killedAt, 1000);
      expect(r.kind).toBe("recovered");
      // Failover: 1 s down-after plus election; the probe must follow within the run,
      // and once recovered it stays on the new master.
      if (r.kind === "recovered") {
        expect(r.measuredRtoMs).toBeGreaterThan(900);
        expect(samples.filter((s) => s.t > r.recoveredAt && !s.ok)).toEqual([]);
      }
    } finally {
      await sentinel.destroy();
      await master.start().catch(() => undefined);
    }
  });
});
