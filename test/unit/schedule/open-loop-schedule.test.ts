// The one open-loop schedule, driven by hand: a manual clock and wake-ups the
// test fires itself, so every send time is exact and a "stall" is simply time
// that passes without a wake-up.
import { afterEach, describe, expect, it, vi } from "vitest";
import { manualClock } from "../../../core/clock.ts";
import { OpenLoopSchedule, type OpenLoopScheduleOptions, type Wakeups } from "../../../runners/schedule/open-loop-schedule.ts";

interface Sent {
  seq: number;
  t: number;
  intendedT: number | undefined;
}

/** The schedule has at most one wake-up pending: a timer (at a clock time) or the next turn. */
function handWakeups(clock: ReturnType<typeof manualClock>) {
  let pending: { kind: "timer" | "turn"; at: number; wake: () => void } | undefined;
  const requested: number[] = [];
  const wakeups: Wakeups = {
    after(ms, wake) {
      requested.push(ms);
      const p = { kind: "timer" as const, at: clock.now() + ms, wake };
      pending = p;
      return () => void (pending === p && (pending = undefined));
    },
    nextTurn(wake) {
      const p = { kind: "turn" as const, at: clock.now(), wake };
      pending = p;
      return () => void (pending === p && (pending = undefined));
    },
  };
  const fire = (): void => {
    const p = pending!;
    pending = undefined;
    p.wake();
  };
  return {
    wakeups,
    requested,
    pending: () => pending?.kind,
    /** Fires the pending wake-up now, however late it is. */
    fire,
    /** Fires every wake-up that falls due up to `until`, each exactly on time; the clock ends at `until`. */
    runUntil(until: number) {
      while (pending && (pending.kind === "turn" || pending.at <= until)) {
        if (pending.kind === "timer") clock.set(Math.max(clock.now(), pending.at));
        fire();
      }
      clock.set(until);
    },
  };
}

function setup(options: Omit<OpenLoopScheduleOptions, "wakeups">, startAt = 1_000) {
  const clock = manualClock(startAt);
  const hand = handWakeups(clock);
  const sent: Sent[] = [];
  const schedule = new OpenLoopSchedule(clock, { ...options, wakeups: hand.wakeups }, (seq, t, intendedT) => sent.push({ seq, t, intendedT }));
  return { clock, hand, sent, schedule };
}

describe("open-loop schedule", () => {
  it("sends request k at start + k / rate, on time, without intendedT", () => {
    const { hand, sent, schedule } = setup({ rateHz: 200 });
    schedule.start();
    hand.runUntil(1_000 + 497);
    expect(sent.map((s) => s.seq)).toEqual(Array.from({ length: 100 }, (_, k) => k));
    expect(sent.map((s) => s.t)).toEqual(Array.from({ length: 100 }, (_, k) => 1_000 + k * 5));
    expect(sent.every((s) => s.intendedT === undefined)).toBe(true);
    expect(schedule.maxLagMs).toBe(0);
    expect(hand.requested.every((ms) => ms === 5)).toBe(true); // sleeps until the next due time, no more
  });

  it("catches up at once after a stall and then keeps the original grid (no drift)", () => {
    const { clock, hand, sent, schedule } = setup({ rateHz: 100 }, 0);
    schedule.start();
    hand.runUntil(55); // seqs 0..5 on time; the wake-up for seq 6 is due at 60
    clock.set(150); // the event loop stalls: 95 ms pass without the timer firing
    hand.fire();
    expect(sent.map((s) => s.seq)).toEqual(Array.from({ length: 16 }, (_, k) => k)); // 6..15 were due by 150
    const burst = sent.slice(6);
    expect(burst[0]).toEqual({ seq: 6, t: 150, intendedT: 60 });
    burst.forEach((s) => expect(s.t - 150).toBeLessThan(1e-4)); // all sent now, none spread out
    expect(burst.filter((s) => s.intendedT !== undefined).map((s) => s.intendedT)).toEqual([60, 70, 80, 90, 100, 110, 120, 130, 140]);
    expect(burst.at(-1)!.intendedT).toBeUndefined(); // seq 15 was due at 150: not late
    expect(schedule.maxLagMs).toBe(90);
    hand.runUntil(300);
    // Back on the grid: seq k at 10 k exactly, as if the stall never happened.
    expect(sent.slice(16).map((s) => [s.seq, s.t, s.intendedT])).toEqual(Array.from({ length: 15 }, (_, i) => [16 + i, 160 + 10 * i, undefined]));
  });

  it("after a late wake-up sleeps only until the next due time, so lateness never adds up", () => {
    const { clock, hand, sent, schedule } = setup({ rateHz: 200 }, 0);
    schedule.start();
    clock.set(7.5); // the timer for seq 1 (due at 5) fires 2.5 ms late
    hand.fire();
    expect(hand.requested).toEqual([5, 2.5]); // seq 2 is due at 10: 2.5 ms from now, not 5
    clock.set(10);
    hand.fire();
    expect(sent.map((s) => s.t)).toEqual([0, 7.5, 10]);
    expect(sent[1]!.intendedT).toBe(5);
  });

  it("splits a catch-up into bursts, one per turn of the event loop", () => {
    const { clock, hand, sent, schedule } = setup({ rateHz: 1_000, burst: 4 }, 0);
    schedule.start(); // seq 0
    clock.set(10); // seqs 1..10 overdue
    hand.fire();
    expect(sent).toHaveLength(5);
    expect(hand.pending()).toBe("turn");
    hand.fire();
    expect(sent).toHaveLength(9);
    expect(hand.pending()).toBe("turn");
    hand.fire();
    expect(sent).toHaveLength(11);
    expect(hand.pending()).toBe("timer"); // caught up: back to sleeping until seq 11
    expect(hand.requested.at(-1)).toBe(1);
    sent.slice(1).forEach((s, i) => expect(s.t).toBeGreaterThan(sent[i]!.t));
  });

  it("stops at the cap: a request due exactly at the cap is sent, the next is not", () => {
    const { hand, sent, schedule } = setup({ rateHz: 10, capMs: 200 }, 0);
    schedule.start();
    hand.runUntil(250);
    expect(sent.map((s) => s.t)).toEqual([0, 100, 200]);
    expect(schedule.capped).toBe(false); // seq 3 is not due yet
    hand.runUntil(1_000);
    expect(sent).toHaveLength(3);
    expect(schedule.capped).toBe(true);
    expect(hand.pending()).toBeUndefined(); // no wake-up left behind
  });

  it("records intendedT only when a send is 1 ms or more late", () => {
    const { clock, hand, sent, schedule } = setup({ rateHz: 10 }, 0);
    schedule.start();
    clock.set(100.999);
    hand.fire();
    clock.set(201);
    hand.fire();
    expect(sent).toEqual([
      { seq: 0, t: 0, intendedT: undefined },
      { seq: 1, t: 100.999, intendedT: undefined },
      { seq: 2, t: 201, intendedT: 200 },
    ]);
    expect(schedule.maxLagMs).toBe(1);
  });

  it("keeps t strictly increasing when the clock does not move between sends", () => {
    const { clock, hand, sent, schedule } = setup({ rateHz: 10_000 }, 0);
    schedule.start();
    clock.set(5); // 50 overdue sends read the same clock value
    hand.fire();
    expect(sent).toHaveLength(51);
    sent.slice(1).forEach((s, i) => expect(s.t).toBeGreaterThan(sent[i]!.t));
    expect(sent[1]!.t).toBe(5);
  });

  it("stop ends sending, also from inside a send, and leaves no wake-up pending", () => {
    const clock = manualClock(0);
    const hand = handWakeups(clock);
    const seqs: number[] = [];
    const schedule = new OpenLoopSchedule(clock, { rateHz: 100, wakeups: hand.wakeups }, (seq) => {
      seqs.push(seq);
      if (seq === 3) schedule.stop();
    });
    schedule.start();
    hand.runUntil(20);
    clock.set(100); // seqs 3..10 overdue; the send of 3 stops the schedule
    hand.fire();
    expect(seqs).toEqual([0, 1, 2, 3]);
    expect(hand.pending()).toBeUndefined();
    const other = setup({ rateHz: 100 }, 0);
    other.schedule.start();
    other.schedule.stop();
    expect(other.hand.pending()).toBeUndefined();
  });
});

describe("open-loop schedule on Node's timers", () => {
  afterEach(() => void vi.useRealTimers());

  it("sleeps with setTimeout and continues a split burst with setImmediate", async () => {
    vi.useFakeTimers({ now: 0, toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "Date"] });
    const clock = { originWallMs: 0, now: () => Date.now() };
    const seqs: number[] = [];
    const schedule = new OpenLoopSchedule(clock, { rateHz: 100, burst: 3 }, (seq) => seqs.push(seq));
    schedule.start();
    await vi.advanceTimersByTimeAsync(25);
    expect(seqs).toEqual([0, 1, 2]);
    vi.setSystemTime(95); // a stall: seqs 3..10 overdue when the timer for 30 fires (at 100)
    vi.advanceTimersToNextTimer(); // the timer: a first burst of 3
    expect(seqs).toHaveLength(6);
    vi.advanceTimersToNextTimer(); // an immediate, not the timer for 110: 3 more
    expect(seqs).toHaveLength(9);
    vi.advanceTimersToNextTimer(); // another immediate: the rest
    expect(seqs).toEqual(Array.from({ length: 11 }, (_, k) => k));
    schedule.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
