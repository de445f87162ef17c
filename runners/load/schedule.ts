// The open-loop arrival schedule: request k is due at start + k / rate on the
// drill clock. Each run sends every request that is due, so timer jitter never
// accumulates into a lower rate and a late wake-up is caught up at once. Send
// times follow the probes' rule (runners/probes/open-loop.ts): `t` is the
// actual send time, strictly increasing (consumers rely on it); `intendedT` is
// the scheduled time, given only when the send was 1 ms or more late.
import type { Clock } from "../../core/clock.ts";

export type Send = (seq: number, t: number, intendedT: number | undefined) => void;

export class ArrivalSchedule {
  private startAt = 0;
  private nextSeq = 0;
  private lastT = -Infinity;
  private readonly intervalMs: number;
  maxLagMs = 0;
  /** Set once the duration cap was reached: nothing more is due. */
  capped = false;

  constructor(
    private readonly clock: Clock,
    rateHz: number,
    private readonly capMs: number,
  ) {
    this.intervalMs = 1000 / rateHz;
  }

  start(): void {
    this.startAt = this.clock.now();
  }

  /** Sends everything due; returns ms until the next request is due, or undefined at the cap. */
  run(send: Send): number | undefined {
    const now = this.clock.now();
    for (let due = this.dueAt(this.nextSeq); due <= now; due = this.dueAt(this.nextSeq)) {
      if (due - this.startAt > this.capMs) {
        this.capped = true;
        return undefined;
      }
      const t = this.sendTime();
      const lag = t - due;
      if (lag > this.maxLagMs) this.maxLagMs = lag;
      send(this.nextSeq++, t, lag >= 1 ? due : undefined);
    }
    return Math.max(0, this.dueAt(this.nextSeq) - this.clock.now());
  }

  private dueAt(seq: number): number {
    return this.startAt + seq * this.intervalMs;
  }

  private sendTime(): number {
    const now = this.clock.now();
    this.lastT = now > this.lastT ? now : this.lastT + 1e-6;
    return this.lastT;
  }
}
