// The open-loop schedule on the real monotonic clock: writes go out on time
// whatever the store does, each ends in exactly one record, and in-flight
// writes are bounded.
import { describe, expect, it } from "vitest";
import { monotonicClock } from "../../../runners/clock.ts";
import { startOpenLoop } from "../../../runners/ledger/open-loop.ts";
import type { LedgerWrite } from "../../../runners/ledger/record.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(send: (seq: number, signal: AbortSignal) => Promise<void>, options = {}) {
  const clock = monotonicClock();
  const writes: LedgerWrite[] = [];
  const loop = startOpenLoop(clock, { rateHz: 200, timeoutMs: 100, maxInFlight: 1_000, send, ...options }, (w) =>
    writes.push(w),
  );
  return { clock, writes, loop };
}

describe("open loop", () => {
  it("sends on schedule and records one outcome per seq", async () => {
    const { writes, loop } = run(async () => {});
    await sleep(500);
    await loop.stop();
    const seqs = writes.map((w) => w.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i)); // dense, no duplicates
    expect(seqs.length).toBeGreaterThanOrEqual(95);
    expect(seqs.length).toBeLessThanOrEqual(103);
    for (const w of writes) expect(w.t).toBeCloseTo(w.seq * 5, -1.5); // t_k = k / rate, within ~15 ms
    expect(writes.every((w) => w.ackAt !== undefined && w.ackAt >= w.t)).toBe(true);
  });

  it("does not slow down when the store hangs (no coordinated omission)", async () => {
    const { writes, loop } = run((_seq, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))));
    await sleep(400);
    await loop.stop();
    expect(writes.length).toBeGreaterThanOrEqual(75);
    expect(writes.every((w) => w.error === "timeout after 100 ms")).toBe(true);
    expect(loop.stats()).toMatchObject({ acked: 0, inFlight: 0 });
  });

  it("catches up after the event loop stalls instead of drifting", async () => {
    const { writes, loop } = run(async () => {});
    await sleep(100);
    const stallUntil = performance.now() + 150;
    while (performance.now() < stallUntil); // block the event loop
    await sleep(150);
    await loop.stop();
    expect(writes.length).toBeGreaterThanOrEqual(75); // ~400 ms at 200 Hz, stall included
    expect(loop.stats().maxLagMs).toBeGreaterThan(100);
  });

  it("sheds writes beyond maxInFlight and records them as not sent", async () => {
    const never = () => new Promise<void>(() => {}); // ignores its signal entirely
    const { writes, loop } = run(never, { maxInFlight: 5, timeoutMs: 300 });
    await sleep(100);
    const stopped = performance.now();
    await loop.stop();
    const stats = loop.stats();
    expect(stats.sent).toBe(5);
    expect(stats.shed).toBeGreaterThan(10);
    expect(writes.filter((w) => w.error?.startsWith("not sent")).length).toBe(stats.shed);
    expect(performance.now() - stopped).toBeLessThan(1_500); // stop() gives up after timeout + 1 s
  });

  it("records a late acknowledgement as a timeout, once", async () => {
    const { writes, loop } = run(() => sleep(150).then(() => {}), { rateHz: 10 });
    await sleep(50);
    await loop.stop();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ seq: 0, error: "timeout after 100 ms" });
  });
});
