import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { measureRecovery } from "../../../runners/measure/recovery.ts";
import { createProbe } from "../../../runners/probes/create.ts";
import { startTestServer, type TestServer } from "./http-server.ts";
import { between, runProbe, sleep } from "./run-probe.ts";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const probe = (extra: Record<string, unknown> = {}) =>
  createProbe({ kind: "http", name: "web", target: server.url, rateHz: 100, timeoutMs: 200, ...extra });

describe("http probe against a real local server", () => {
  it("holds 100 Hz: one sample per 10 ms of run time, contiguous seqs, all healthy", async () => {
    const { samples, marks, startedAt } = await runProbe(probe(), [{ after: 2000 }]);
    // Measured against the clock, not the nominal 2 s: a loaded machine may oversleep.
    const expected = Math.floor((marks[0]! - startedAt) / 10) + 1;
    expect(Math.abs(samples.length - expected)).toBeLessThanOrEqual(2);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => i));
    expect(samples.filter((s) => !s.ok)).toEqual([]);
    expect(server.requests()).toBe(samples.length);
  });

  it("a server that stops answering shows timeouts at full rate, not missing samples, and recovery after", async () => {
    const { samples, marks } = await runProbe(probe(), [
      { after: 500, action: () => server.set("hang") },
      { after: 1000, action: () => server.set("ok") },
      { after: 1000 },
    ]);
    const [hungAt, healedAt] = marks as [number, number];
    const during = between(samples, hungAt + 1, healedAt - 1);
    expect(during.length).toBeGreaterThanOrEqual(95);
    expect(during.every((s) => s.error === "timeout" && s.latencyMs === 200)).toBe(true);
    const r = measureRecovery(samples, hungAt, 300);
    expect(r.kind).toBe("recovered");
    if (r.kind === "recovered") expect(Math.abs(r.measuredRtoMs - (healedAt - hungAt))).toBeLessThan(15);
  });

  it("aborts timed-out requests so sockets do not pile up", async () => {
    const p = probe();
    let openDuringHang = 0;
    const { samples } = await runProbe(p, [
      { after: 200, action: () => server.set("hang") },
      { after: 1500, action: () => (openDuringHang = server.connections()) },
    ]);
    expect(samples.filter((s) => s.error === "timeout").length).toBeGreaterThan(100);
    // 100 Hz × 200 ms timeout ≈ 20 hung requests, each on its own connection; aborted ones are closed.
    expect(openDuringHang).toBeLessThanOrEqual(30);
    expect(p.stats().inFlight).toBe(0);
    await sleep(200);
    expect(server.connections()).toBe(0); // stop() released every socket
  });

  it("classifies 503 as bad-status, a status outside expectStatus as bad-status, resets as reset, a closed port as refused", async () => {
    server.set("503");
    const bad = await runProbe(probe(), [{ after: 100 }]);
    expect(bad.samples.every((s) => s.error === "bad-status")).toBe(true);
    expect(bad.samples[0]?.detail).toBe("HTTP 503");

    server.set("ok");
    const unexpected = await runProbe(probe({ expectStatus: [204] }), [{ after: 100 }]);
    expect(unexpected.samples.every((s) => s.error === "bad-status")).toBe(true);

    server.set("reset");
    const reset = await runProbe(probe(), [{ after: 100 }]);
    expect(reset.samples.length).toBeGreaterThan(5);
    expect(reset.samples.every((s) => s.error === "reset")).toBe(true);

    const url = server.url;
    await server.close();
    const refused = await runProbe(createProbe({ kind: "http", name: "gone", target: url, timeoutMs: 200 }), [{ after: 100 }]);
    expect(refused.samples.every((s) => s.error === "refused")).toBe(true);
    server = await startTestServer(); // for afterEach
  });

  it("fresh connections: every request opens its own connection", async () => {
    const { samples } = await runProbe(probe({ freshConnections: true }), [{ after: 300 }]);
    expect(samples.every((s) => s.ok)).toBe(true);
    await sleep(100);
    expect(server.connections()).toBe(0);
  });
});
