import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureRecovery } from "../../../runners/measure/recovery.ts";
import { createProbe } from "../../../runners/probes/create.ts";
import { freePort } from "../../support/free-port.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../support/throwaway-postgres.ts";
import { between, runProbe } from "./run-probe.ts";

let primary: ThrowawayPostgres;
let standby: ThrowawayPostgres;
beforeAll(async () => {
  primary = await startThrowawayPostgres();
  standby = await startThrowawayPostgres({ standbyOf: primary });
});
afterAll(async () => {
  await standby?.destroy();
  await primary?.destroy();
});

const pg = (target: string, extra: Record<string, unknown> = {}) =>
  createProbe({ kind: "postgres", name: "db", target, rateHz: 50, timeoutMs: 300, ...extra });

describe("postgres probe against throwaway servers", () => {
  it("select 1 at 50 Hz: all healthy", async () => {
    const { samples } = await runProbe(pg(primary.url), [{ after: 1000 }]);
    expect(samples.length).toBeGreaterThanOrEqual(45);
    expect(samples.every((s) => s.ok)).toBe(true);
  });

  it("multi-host URL with target_session_attrs=primary finds the primary past a dead host and a standby", async () => {
    const dead = await freePort();
    const url = `postgres://postgres@127.0.0.1:${dead},127.0.0.1:${standby.port},127.0.0.1:${primary.port}/postgres?target_session_attrs=primary`;
    const { samples } = await runProbe(pg(url), [{ after: 1000 }]);
    expect(samples.filter((s) => s.ok).length).toBeGreaterThan(40);
    expect(samples.at(-1)?.ok).toBe(true);
  });

  it("a first host that accepts and never answers costs one timeout, not every pool's", async () => {
    // Like a primary partitioned behind a proxy: TCP connects, nothing comes back.
    const held: Socket[] = [];
    const silent: Server = createServer((socket) => void held.push(socket));
    await new Promise<void>((ok) => silent.listen(0, "127.0.0.1", ok));
    const port = (silent.address() as { port: number }).port;
    const url = `postgres://postgres@127.0.0.1:${port},127.0.0.1:${primary.port}/postgres?target_session_attrs=primary`;
    try {
      const { samples, startedAt } = await runProbe(pg(url), [{ after: 3000 }]);
      // The first pool starts on the silent host and times out (300 ms); the next one starts on the primary.
      const settled = samples.filter((s) => s.t >= startedAt + 1000);
      expect(settled.length).toBeGreaterThan(80);
      expect(settled.filter((s) => !s.ok).length).toBeLessThanOrEqual(2);
    } finally {
      for (const s of held) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it("a write on a standby is wrong-role (read-only), not a crash", async () => {
    const { samples } = await runProbe(pg(standby.url, { query: "create table if not exists probe_t (i int)" }), [{ after: 300 }]);
    expect(samples.length).toBeGreaterThan(5);
    expect(samples.every((s) => s.error === "wrong-role")).toBe(true);
    expect(samples[0]?.detail).toMatch(/^25006 /);
  });

  // The defect: `select 1` answered by a standby counted as a recovered orders-db while every INSERT failed.
  it("a standby answering the default probe is the wrong role; readOnly: true probes it on purpose", async () => {
    const { samples } = await runProbe(pg(standby.url), [{ after: 300 }]);
    expect(samples.length).toBeGreaterThan(5);
    expect(samples.every((s) => s.error === "wrong-role")).toBe(true);
    expect(samples[0]?.detail).toMatch(/standby/);
    const replica = await runProbe(pg(standby.url, { readOnly: true }), [{ after: 300 }]);
    expect(replica.samples.slice(2).every((s) => s.ok)).toBe(true);
  });

  it("reconnects after the server restarts: errors while down, then recovered", async () => {
    const { samples, marks, done } = await runProbe(pg(primary.url), [
      { after: 300, action: () => primary.stop() },
      { after: 700, action: () => primary.start() },
      { after: 1500 },
    ]);
    // A query sent less than a timeout before the restart may legitimately wait for it and succeed.
    const [downAt, upAt] = [done[0]!, marks[1]! - 300];
    const down = between(samples, downAt, upAt);
    expect(down.length).toBeGreaterThan(15);
    expect(down.filter((s) => s.ok)).toEqual([]);
    const r = measureRecovery(samples, downAt, 500);
    expect(r.kind).toBe("recovered");
    if (r.kind === "recovered") expect(r.recoveredAt).toBeGreaterThanOrEqual(upAt - 300); // server start takes a while
  });

  it("a hung server (SIGSTOP) shows timeouts, and the probe recovers on resume by replacing its pool", async () => {
    const { samples, marks } = await runProbe(pg(primary.url), [
      { after: 300, action: () => primary.pause() },
      { after: 1500, action: () => primary.resume() },
      { after: 1500 },
    ]);
    const [pausedAt, resumedAt] = marks as [number, number];
    const hung = between(samples, pausedAt + 1, resumedAt - 300);
    expect(hung.length).toBeGreaterThan(40);
    expect(hung.filter((s) => s.error !== "timeout")).toEqual([]);
    const r = measureRecovery(samples, pausedAt, 500);
    expect(r.kind).toBe("recovered");
    if (r.kind === "recovered") expect(r.recoveredAt - resumedAt).toBeLessThan(1000);
  });
});
