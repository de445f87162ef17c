// The fault's onset, as docs/design.md "What is measured" defines it. The fault took
// effect somewhere in its inject window [inject started, inject returned] (for
// FIS: the first action's start, a window of width 0). t0 is the best bound
// inside that window: the first disrupted sample sent inside it, by any of the
// service's samplers (probes and ledger writers), else the moment inject
// returned. So a blocking inject — a switchover command that waits, a `kubectl
// delete` that waits — whose whole outage lies inside the window is measured
// from the outage's start, never "no disruption".
//
// The onset is bounded from below by the last healthy sample the onset's sampler
// sent before its first disrupted one (and by the window's start): the fault had
// not reached that client yet when it was sent.
import type { Recovery } from "./recovery.ts";

/** Inject window on the drill clock (ms). */
export interface InjectWindow {
  startedAt: number;
  returnedAt: number;
}

export interface Onset {
  /** Best bound of the onset: the upper end of the interval it lies in (ms). */
  t0: number;
  /** Lower end of that interval (ms). */
  lowerBound: number;
  /** The sampler whose first disrupted sample is t0; absent when t0 is the inject's return. */
  seenBy?: string;
  /** How late that sample may have left after its send time (a stall right after it): t0 may be this much later. */
  sendLagMs?: number;
}

export interface Detection {
  sampler: string;
  recovery: Recovery;
}

export function onsetOf(window: InjectWindow, detections: readonly Detection[]): Onset {
  let first: { sampler: string; at: number; healthyBeforeAt?: number; lag?: number } | undefined;
  for (const d of detections) {
    const r = d.recovery;
    if (r.kind !== "recovered" && r.kind !== "not-recovered") continue;
    if (r.detectedAt < window.startedAt || r.detectedAt > window.returnedAt) continue;
    if (!first || r.detectedAt < first.at) first = { sampler: d.sampler, at: r.detectedAt, ...(r.healthyBeforeAt !== undefined ? { healthyBeforeAt: r.healthyBeforeAt } : {}), ...(r.detectSendLagMs ? { lag: r.detectSendLagMs } : {}) };
  }
  if (!first) return { t0: window.returnedAt, lowerBound: window.startedAt };
  return { t0: first.at, lowerBound: Math.max(window.startedAt, first.healthyBeforeAt ?? window.startedAt), seenBy: first.sampler, ...(first.lag ? { sendLagMs: first.lag } : {}) };
}
