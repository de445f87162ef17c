// The two figures a gate judges, read from one drill's summary. A figure that
// was not measured is +∞ rather than left out: leaving it out would let a run
// that never recovered vanish from the distribution and flatter the gate. As +∞
// it is the maximum, so it always fails a max gate, and — with nearest-rank p95,
// which is the max for fewer than 20 runs — it fails a p95 gate unless it is
// one run in twenty or more.
import type { DrillStartedT, SummaryT } from "../../journal/format.ts";

/**
 * Measured RTO. A drill whose clients saw no disruption at all, with the fault
 * confirmed, had an outage of 0 at the probes' resolution. Not recovered, or no
 * disruption without a confirmed fault (the fault may not have taken): +∞.
 */
export function rtoOf(summary: SummaryT): number {
  if (summary.service.rtoMs !== undefined) return summary.service.rtoMs;
  if (summary.service.noDisruption && summary.faultConfirmed) return 0;
  return Infinity;
}

/**
 * Data-loss window: the worst ledger's. Undefined when the scenario writes no
 * ledger (nothing to judge); +∞ when a ledger could not be read back.
 */
export function dataLossOf(started: DrillStartedT, summary: SummaryT): number | undefined {
  if (started.ledgers.length === 0 && summary.ledgers.length === 0) return undefined;
  if (summary.ledgers.length === 0 || summary.ledgers.some((l) => !l.readBack)) return Infinity;
  return Math.max(...summary.ledgers.map((l) => l.dataLossWindowMs));
}

/** Acknowledged writes lost after the fault or corrupted payloads: a correctness failure, not a figure. */
export function integrityBroken(summary: SummaryT): boolean {
  return summary.ledgers.some((l) => l.lostAfterFault > 0 || l.corrupted > 0);
}
