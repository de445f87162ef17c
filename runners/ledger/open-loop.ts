// The write loop every ledger shares. Open loop, on the one arrival schedule
// (runners/schedule/open-loop-schedule.ts): write k is due at start + k / rate
// on the drill clock and is sent whether or not earlier writes have returned,
// so a hung store shows up as timed-out writes instead of as "fewer writes"
// (no coordinated omission); a late timer makes the next writes catch up
// rather than drift. A write's `t` is its actual send time.
//
// Each write ends in exactly one LedgerWrite: acknowledged, failed, or timed out
// after `timeoutMs` (a timed-out write may still land; read-back will tell).
// In-flight writes are bounded: when `maxInFlight` are outstanding, a due write
// is not sent and is recorded as failed ("shed"), which keeps memory bounded
// when a store hangs and never answers.
import type { Clock } from "../../core/clock.ts";
import { messageOf } from "../../core/errors.ts";
import { OpenLoopSchedule } from "../schedule/open-loop-schedule.ts";
import type { ErrorClass } from "../probes/sample.ts";
import type { LedgerWrite } from "./record.ts";
import { SeqSet } from "./seq-set.ts";

export interface OpenLoopOptions {
  rateHz: number;
  timeoutMs: number;
  maxInFlight: number;
  /** One write; resolves when the store acknowledged it. Should stop when `signal` aborts. */
  send(seq: number, signal: AbortSignal): Promise<void>;
  /** The class of a failed write's error; default "error". */
  classify?(error: unknown): ErrorClass;
}

export interface OpenLoopStats {
  sent: number;
  acked: number;
  failed: number;
  shed: number;
  inFlight: number;
  /** Largest delay between a write's scheduled and actual send time (ms). */
  maxLagMs: number;
}

export interface OpenLoop {
  /** Seqs actually sent to the store (shed ones are not). */
  readonly sent: SeqSet;
  stats(): OpenLoopStats;
  /** Stops scheduling; waits (at most timeoutMs + 1 s) for writes in flight. */
  stop(): Promise<void>;
}

export function startOpenLoop(clock: Clock, options: OpenLoopOptions, onWrite: (w: LedgerWrite) => void): OpenLoop {
  const { rateHz, timeoutMs, maxInFlight } = options;
  const sent = new SeqSet();
  const inFlight = new Set<Promise<void>>();
  const stats = { acked: 0, failed: 0, shed: 0 };

  const fire = (seq: number, t: number): void => {
    if (inFlight.size >= maxInFlight) {
      stats.shed++;
      onWrite({ seq, t, error: `not sent: ${maxInFlight} writes already in flight`, errorClass: "timeout" });
      return;
    }
    sent.add(seq);
    const write = sendOne(clock, options, seq, t, (w) => {
      if (w.ackAt === undefined) stats.failed++;
      else stats.acked++;
      onWrite(w);
    }).finally(() => inFlight.delete(write));
    inFlight.add(write);
  };

  const schedule = new OpenLoopSchedule(clock, { rateHz }, fire);
  schedule.start();

  return {
    sent,
    stats: () => ({ ...stats, maxLagMs: schedule.maxLagMs, sent: sent.size, inFlight: inFlight.size }),
    async stop() {
      schedule.stop();
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => (grace = setTimeout(resolve, timeoutMs + 1_000))),
      ]);
      clearTimeout(grace);
    },
  };
}

/** One write with its timeout; `record` is called exactly once. Settles when `send` does. */
async function sendOne(
  clock: Clock,
  options: OpenLoopOptions,
  seq: number,
  t: number,
  record: (w: LedgerWrite) => void,
): Promise<void> {
  const abort = new AbortController();
  let done = false;
  const finish = (w: LedgerWrite) => {
    if (done) return;
    done = true;
    clearTimeout(timeout);
    record(w);
  };
  const timeout = setTimeout(() => {
    finish({ seq, t, error: `timeout after ${options.timeoutMs} ms`, errorClass: "timeout" });
    abort.abort(new Error("ledger write timed out"));
  }, options.timeoutMs);
  try {
    await options.send(seq, abort.signal);
    finish({ seq, t, ackAt: clock.now() });
  } catch (error) {
    finish({ seq, t, error: messageOf(error).slice(0, 300), errorClass: options.classify?.(error) ?? "error", failedAt: clock.now() });
  }
}
