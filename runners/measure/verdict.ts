// Judging measurements against a service's objectives. A missed objective is a
// verdict, not an exception. "not-measured" is a verdict too: an objective the
// drill produced no evidence for (no ledger ran, no probe sample) is neither met
// nor missed, and the report must say so.
import type { DataLoss } from "./data-loss.ts";
import type { Recovery } from "./recovery.ts";

export type ObjectiveKind = "rto" | "mtpd" | "rpo" | "availability" | "lost-after-fault" | "corrupted";
export type VerdictStatus = "met" | "missed" | "not-measured";

export interface Verdict {
  objective: ObjectiveKind;
  target: number;
  measured?: number;
  unit: "ms" | "%" | "writes";
  status: VerdictStatus;
  /** Headroom in `unit`: positive when met, negative when missed. */
  margin?: number;
  note?: string;
}

/** Objectives in milliseconds and percent; the caller parses the plan's duration strings. */
export interface Objectives {
  rtoMs?: number;
  /** Maximum tolerable period of disruption, judged on the same client-observed disruption as RTO. */
  mtpdMs?: number;
  rpoMs?: number;
  /** Minimum availability while disrupted, percent 0–100. */
  minAvailabilityPct?: number;
}

export interface Evidence {
  recovery?: Recovery;
  /** Probe interval, reported next to every RTO. */
  resolutionMs?: number;
  availabilityWhileDisruptedPct?: number;
  /** Undefined when no ledger ran. */
  dataLoss?: DataLoss;
}

export function judge(objectives: Objectives, evidence: Evidence): Verdict[] {
  const verdicts: Verdict[] = [];
  if (objectives.rtoMs !== undefined) verdicts.push(judgeRecovery("rto", objectives.rtoMs, evidence));
  if (objectives.mtpdMs !== undefined) verdicts.push(judgeRecovery("mtpd", objectives.mtpdMs, evidence));
  if (objectives.rpoMs !== undefined) verdicts.push(judgeRpo(objectives.rpoMs, evidence.dataLoss));
  if (objectives.minAvailabilityPct !== undefined) {
    verdicts.push(judgeAvailability(objectives.minAvailabilityPct, evidence.availabilityWhileDisruptedPct));
  }
  if (evidence.dataLoss) verdicts.push(...judgeIntegrity(evidence.dataLoss));
  return verdicts;
}

function judgeRecovery(objective: "rto" | "mtpd", target: number, evidence: Evidence): Verdict {
  const base = { objective, target, unit: "ms" as const };
  const r = evidence.recovery;
  const resolution = evidence.resolutionMs !== undefined ? ` (resolution ${round(evidence.resolutionMs)} ms)` : "";
  if (!r || r.kind === "no-samples") return { ...base, status: "not-measured", note: "no probe sample after the fault" };
  if (r.kind === "no-disruption") return { ...base, status: "met", note: "no disruption observed" };
  if (r.kind === "recovered") {
    const status = r.rtoMs <= target ? "met" : "missed";
    return { ...base, measured: r.rtoMs, status, margin: target - r.rtoMs, note: `recovered${resolution}` };
  }
  const note = `never recovered; disrupted for at least ${round(r.observedMs)} ms${resolution}`;
  if (r.observedMs > target) return { ...base, measured: r.observedMs, status: "missed", margin: target - r.observedMs, note };
  return { ...base, status: "not-measured", note: `${note}, and observation ended before the objective` };
}

function judgeRpo(target: number, loss: DataLoss | undefined): Verdict {
  const base = { objective: "rpo" as const, target, unit: "ms" as const };
  if (!loss) return { ...base, status: "not-measured", note: "no ledger ran: no data-loss evidence" };
  const measured = loss.dataLossWindowMs;
  const note = `${loss.lostBeforeFault.length} acknowledged writes lost of ${loss.acknowledged}`;
  return { ...base, measured, status: measured <= target ? "met" : "missed", margin: target - measured, note };
}

function judgeAvailability(target: number, measured: number | undefined): Verdict {
  const base = { objective: "availability" as const, target, unit: "%" as const };
  if (measured === undefined) return { ...base, status: "not-measured", note: "no probe sample while disrupted" };
  return { ...base, measured, status: measured >= target ? "met" : "missed", margin: measured - target };
}

/** Always judged when a ledger ran: any write acknowledged after the fault and lost, or corrupted, fails. */
function judgeIntegrity(loss: DataLoss): Verdict[] {
  const after = loss.lostAfterFault.length;
  return [
    {
      objective: "lost-after-fault",
      target: 0,
      measured: after,
      unit: "writes",
      status: after === 0 ? "met" : "missed",
      margin: -after,
      ...(after ? { note: "acknowledged after the fault, then lost" } : {}),
    },
    { objective: "corrupted", target: 0, measured: loss.corrupted, unit: "writes", status: loss.corrupted === 0 ? "met" : "missed", margin: -loss.corrupted },
  ];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
