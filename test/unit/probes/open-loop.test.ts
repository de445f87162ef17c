import { describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { maxInFlightFor } from "../../../runners/probes/judge.ts";
import { OpenLoopProbe } from "../../../runners/probes/open-loop.ts";
import type { Sample } from "../../../runners/probes/sample.ts";
import { fakeClient, info } from "./fake-client.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(probe: OpenLoopProbe, forMs: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  probe.start(monotonicClock(), (s) => samples.push(s));
  await sleep(forMs);
  await probe.stop();
  return samples;
}

describe("open-loop schedule", () => {
  it("holds the rate without drift: sample k goes out at start + k / rate, give or take the timer lag", async () => {
    const probe = new OpenLoopProbe(info({ rateHz: 200 }), fakeClient({ delayMs: () => 1 }));
    const samples = await run(probe, 1000);
    expect(samples.length).toBeGreaterThanOrEqual(195);
    expect(samples.length).toBeLessThanOrEqual(205);
    const lag = probe.stats().maxLagMs;
    expect(lag).toBeLessThan(50);
    // Each send is late by at most the max lag, never early, and errors do not add up over the run.
    samples.forEach((s, k) => {
      expect(s.t - samples[0]!.t).toBeGreaterThan(k * 5 - lag - 0.01);
      expect(s.t - samples[0]!.t).toBeLessThan(k * 5 + lag + 0.01);
    });
  });

  it("after an event-loop stall, overdue samples go out at once with their scheduled time as intendedT", async () => {
    const probe = new OpenLoopProbe(info({ rateHz: 100 }), fakeClient({ delayMs: () => 1 }));
    const samples: Sample[] = [];
    probe.start(monotonicClock(), (s) => samples.push(s));
    await sleep(50);
    const stallUntil = performance.now() + 100;
    while (performance.now() < stallUntil); // block the event loop for 100 ms
    await sleep(50);
    await probe.stop();
    const overdue = samples.filter((s) => s.intendedT !== undefined && s.t - s.intendedT > 30);
    expect(overdue.length).toBeGreaterThanOrEqual(5); // ~10 slots fell in the stall
    for (const s of overdue) expect(s.t).toBeGreaterThan(s.intendedT!);
    // Strictly increasing send times even though the overdue ones left in one burst.
    samples.slice(1).forEach((s, i) => expect(s.t).toBeGreaterThan(samples[i]!.t));
    expect(probe.stats().maxLagMs).toBeGreaterThan(60);
  });

  it("keeps sending while earlier requests hang: a hung service shows as timeouts, not fewer samples", async () => {
    const client = fakeClient({ delayMs: (seq) => (seq >= 20 && seq < 60 ? Infinity : 1) });
    const samples = await run(new OpenLoopProbe(info({ rateHz: 100, timeoutMs: 150 }), client), 1000);
    expect(samples.length).toBeGreaterThanOrEqual(95);
    const timeouts = samples.filter((s) => s.error === "timeout");
    expect(timeouts.map((s) => s.seq)).toEqual(Array.from({ length: 40 }, (_, i) => 20 + i));
    expect(timeouts.every((s) => s.latencyMs === 150)).toBe(true);
    expect(client.timeouts).toBe(40);
  });

  it("delivers samples in send order although answers arrive out of order", async () => {
    const samples = await run(new OpenLoopProbe(info({ rateHz: 100 }), fakeClient({ delayMs: (seq) => (seq % 2 ? 5 : 60) })), 500);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => i));
    expect(samples.every((s) => s.ok)).toBe(true);
  });

  it("an answer over the latency bound is a disrupted 'slow' sample", async () => {
    const probe = new OpenLoopProbe(info({ latencyBoundMs: 30 }), fakeClient({ delayMs: (seq) => (seq === 3 ? 60 : 1) }));
    const samples = await run(probe, 300);
    expect(samples[3]).toMatchObject({ ok: false, error: "slow" });
    expect(samples[3]!.latencyMs).toBeGreaterThan(30);
    expect(samples.filter((s) => !s.ok)).toHaveLength(1);
  });

  it("records failed outcomes and thrown errors with their class", async () => {
    const client = fakeClient({ delayMs: () => 1, outcome: (seq) => (seq === 1 ? { ok: false, error: "bad-status", detail: "HTTP 503" } : { ok: true }) });
    client.attempt = ((orig) => (signal, seq) => (seq === 2 ? Promise.reject(new Error("boom")) : orig(signal, seq)))(client.attempt);
    const samples = await run(new OpenLoopProbe(info(), client), 200);
    expect(samples[1]).toMatchObject({ ok: false, error: "bad-status", detail: "HTTP 503" });
    expect(samples[2]).toMatchObject({ ok: false, error: "error" });
  });

  it("bounds requests in flight when aborts are ignored: excess samples become timeouts, memory does not grow", async () => {
    const client = fakeClient({ delayMs: () => Infinity, ignoreAbort: true });
    const probe = new OpenLoopProbe(info({ rateHz: 200, timeoutMs: 100 }), client);
    const samples = await run(probe, 1000);
    const limit = maxInFlightFor(200, 100);
    expect(client.sentAt.length).toBe(limit);
    expect(probe.stats().shed).toBe(samples.length - limit);
    expect(samples.every((s) => s.error === "timeout")).toBe(true);
    expect(probe.stats().inFlight).toBe(0); // close() released them
  });

  it("stop() waits for requests in flight, delivers their samples, then closes the client", async () => {
    const client = fakeClient({ delayMs: () => 80 });
    const probe = new OpenLoopProbe(info({ rateHz: 100, timeoutMs: 500 }), client);
    const samples: Sample[] = [];
    probe.start(monotonicClock(), (s) => samples.push(s));
    await sleep(205);
    const sent = client.sentAt.length;
    await probe.stop();
    expect(samples).toHaveLength(sent);
    expect(samples.every((s) => s.ok)).toBe(true);
    expect(client.closed).toBe(true);
    expect(client.sentAt.length).toBe(sent); // nothing sent after stop
    await probe.stop(); // idempotent
  });

  it("details are kept only on the first samples of an error streak", async () => {
    const client = fakeClient({ delayMs: () => 1, outcome: () => ({ ok: false, error: "refused", detail: "ECONNREFUSED" }) });
    const samples = await run(new OpenLoopProbe(info(), client), 150);
    expect(samples.filter((s) => s.detail).length).toBe(3);
  });
});
