// The open-loop schedule under fake timers and a clock that follows them, so
// send times can be checked exactly: writes go out on time whatever the store
// does, each ends in exactly one record, and in-flight writes are bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Clock } from "../../../core/clock.ts";
import { startOpenLoop } from "../../../runners/ledger/open-loop.ts";
import type { LedgerWrite } from "../../../runners/ledger/record.ts";

beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => void vi.useRealTimers());

/** Drill time = fake wall time since the start; moves only when the test moves it. */
function fakeClock(): Clock {
  const origin = Date.now();
  return { originWallMs: origin, now: () => Date.now() - origin };
}

type Send = (seq: number, signal: AbortSignal) => Promise<void>;
const hangUntilAborted: Send = (_seq, signal) =>
  new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));

function run(send: Send, options: Partial<{ rateHz: number; timeoutMs: number; maxInFlight: number }> = {}) {
  const writes: LedgerWrite[] = [];
  const loop = startOpenLoop(fakeClock(), { rateHz: 200, timeoutMs: 100, maxInFlight: 1_000, send, ...options }, (w) =>
    writes.push(w),
  );
  const stop = async () => {
    const stopping = loop.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopping;
  };
  return { writes, loop, stop };
}

describe("open loop", () => {
  it("sends write k at k / rate and records one outcome per seq", async () => {
    const { writes, loop, stop } = run(async () => {});
    await vi.advanceTimersByTimeAsync(499);
    await stop();
    expect(writes.map((w) => w.seq)).toEqual(Array.from({ length: 100 }, (_, k) => k));
    expect(writes.map((w) => w.t)).toEqual(Array.from({ length: 100 }, (_, k) => k * 5));
    expect(writes.every((w) => w.ackAt === w.t)).toBe(true);
    expect(loop.stats()).toMatchObject({ sent: 100, acked: 100, failed: 0, shed: 0, maxLagMs: 0 });
  });

  it("does not slow down when the store hangs (no coordinated omission)", async () => {
    const { writes, loop, stop } = run(hangUntilAborted);
    await vi.advanceTimersByTimeAsync(400);
    await stop();
    expect(writes.length).toBe(81); // seqs 0..80 were due by t = 400
    expect(writes.every((w) => w.error === "timeout after 100 ms")).toBe(true);
    expect(loop.stats()).toMatchObject({ acked: 0, failed: 81, inFlight: 0 });
  });

  it("catches up after the event loop stalls instead of drifting", async () => {
    const { writes, loop, stop } = run(async () => {});
    await vi.advanceTimersByTimeAsync(100);
    vi.setSystemTime(Date.now() + 150); // 150 ms pass without any timer firing
    await vi.advanceTimersByTimeAsync(5); // the pending timer (due at 105) fires at t = 255
    expect(writes.length).toBe(52); // seqs 0..51 were due by t = 255: the late ones go at once
    expect(loop.stats().maxLagMs).toBe(150); // seq 21 was due at 105, sent at 255
    await vi.advanceTimersByTimeAsync(144);
    await stop();
    expect(writes.length).toBe(80); // back on schedule: 0..79 by t = 399
  });

  it("sheds writes beyond maxInFlight and records them as not sent", async () => {
    const never = () => new Promise<void>(() => {}); // ignores its signal entirely
    const { writes, loop, stop } = run(never, { maxInFlight: 5, timeoutMs: 300 });
    await vi.advanceTimersByTimeAsync(99);
    await stop(); // bounded: gives up after timeout + 1 s
    const stats = loop.stats();
    expect(stats).toMatchObject({ sent: 5, shed: 15, inFlight: 5 });
    expect(writes.filter((w) => w.error?.startsWith("not sent")).map((w) => w.seq)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 5),
    );
    expect(writes.filter((w) => w.error === "timeout after 300 ms")).toHaveLength(5);
  });

  it("records a late acknowledgement as a timeout, once", async () => {
    const slow: Send = () => new Promise((resolve) => setTimeout(resolve, 150));
    const { writes, stop } = run(slow, { rateHz: 10 });
    await vi.advanceTimersByTimeAsync(50);
    await stop();
    expect(writes).toEqual([{ seq: 0, t: 0, error: "timeout after 100 ms", errorClass: "timeout" }]);
  });
});
