// The one open-loop arrival schedule that probes, load generators and ledger
// writers share. Request k is due at start + k / rate on the drill clock, and
// each wake-up sends every request that is due: times come from the Clock, not
// from adding up timer delays, so timer jitter never accumulates into a lower
// rate and a late wake-up is caught up at once. Nothing waits for an answer
// (no coordinated omission): what a caller does with a send — shed it when too
// many are in flight, time it out — is the caller's business.
//
// Send times follow the probes' rule (runners/probes/open-loop.ts): `t` is the
// actual send time, strictly increasing (consumers rely on it); `intendedT` is
// the scheduled time, given only when the send was 1 ms or more late.
//
// After an event-loop stall many requests are overdue at once. They are all
// sent, but at most `burst` per turn of the event loop, the rest on the next
// turn: answers already waiting in socket buffers get read in between, instead
// of timing out behind a wall of new requests.
import type { Clock } from "../../core/clock.ts";

/** One send: `seq` counts from 0; `t` and `intendedT` are drill-clock ms (see the rule above). */
export type Send = (seq: number, t: number, intendedT: number | undefined) => void;

/** How the schedule wakes up; each call returns its cancel. Injectable so tests drive time by hand. */
export interface Wakeups {
  /** Run `wake` after `ms` milliseconds (a timer). */
  after(ms: number, wake: () => void): () => void;
  /** Run `wake` on the next turn of the event loop, after pending I/O (setImmediate). */
  nextTurn(wake: () => void): () => void;
}

export const timerWakeups: Wakeups = {
  after(ms, wake) {
    const timer = setTimeout(wake, ms);
    return () => clearTimeout(timer);
  },
  nextTurn(wake) {
    const immediate = setImmediate(wake);
    return () => clearImmediate(immediate);
  },
};

export interface OpenLoopScheduleOptions {
  /** Requests per second (> 0). */
  rateHz: number;
  /** Most sends per turn of the event loop; default unlimited. */
  burst?: number;
  /** Nothing due later than start + capMs is sent (ms); default no cap. */
  capMs?: number;
  /** Default: Node's setTimeout / setImmediate. */
  wakeups?: Wakeups;
}

export class OpenLoopSchedule {
  /** Largest delay between a request's due time and its send time `t` (ms); 0 before any send. */
  maxLagMs = 0;
  /** Set once the cap was reached: nothing more will be sent. */
  capped = false;
  private running = false;
  private startAt = 0;
  private nextSeq = 0;
  private lastT = -Infinity;
  private cancel: (() => void) | undefined;
  private readonly intervalMs: number;
  private readonly burst: number;
  private readonly capMs: number;
  private readonly wakeups: Wakeups;

  constructor(
    private readonly clock: Clock,
    options: OpenLoopScheduleOptions,
    private readonly send: Send,
  ) {
    this.intervalMs = 1000 / options.rateHz;
    this.burst = options.burst ?? Infinity;
    this.capMs = options.capMs ?? Infinity;
    this.wakeups = options.wakeups ?? timerWakeups;
  }

  /** Starts the clock of the schedule at now and sends request 0 at once. */
  start(): void {
    this.running = true;
    this.startAt = this.clock.now();
    this.wake();
  }

  /** Sends nothing more; safe to call from inside `send` and more than once. */
  stop(): void {
    this.running = false;
    this.cancel?.();
    this.cancel = undefined;
  }

  private dueAt(seq: number): number {
    return this.startAt + seq * this.intervalMs;
  }

  private readonly wake = (): void => {
    this.cancel = undefined;
    if (!this.running) return;
    const now = this.clock.now();
    for (let sent = 0; this.dueAt(this.nextSeq) <= now; sent++) {
      const due = this.dueAt(this.nextSeq);
      if (due - this.startAt > this.capMs) {
        this.capped = true;
        this.running = false;
        return;
      }
      if (sent === this.burst) {
        this.cancel = this.wakeups.nextTurn(this.wake);
        return;
      }
      const t = this.sendTime();
      const lag = t - due;
      if (lag > this.maxLagMs) this.maxLagMs = lag;
      this.send(this.nextSeq++, t, lag >= 1 ? due : undefined);
      if (!this.running) return; // send may stop the schedule
    }
    this.cancel = this.wakeups.after(Math.max(0, this.dueAt(this.nextSeq) - this.clock.now()), this.wake);
  };

  /** Now, but strictly after the previous send: consumers rely on strictly increasing t. */
  private sendTime(): number {
    const now = this.clock.now();
    this.lastT = now > this.lastT ? now : this.lastT + 1e-6;
    return this.lastT;
  }
}
