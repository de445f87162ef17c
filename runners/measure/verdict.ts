// Judging measurements against a service's objectives. A missed objective is a
// verdict, not an exception. "not-measured" is a verdict too: an objective the
// drill produced no evidence for (no ledger ran, no probe sample) is neither met
// nor missed, and the report must say so. "waived" is an objective the scenario
// says it does not measure, with its reason (a read-only dependency path has no
// ledger): recorded and shown, never counted as met. Nothing measured is nothing
// met.
import { isCoarse, type RtoBounds } from "./bounds.ts";
import type { DataLoss } from "./data-loss.ts";
import type { Recovery } from "./recovery.ts";
import type { HealMeasurement } from "./service.ts";

export type ObjectiveKind = "rto" | "mtpd" | "rpo" | "availability" | "lost-after-fault" | "corrupted" | "heal-disruption";
export type VerdictStatus = "met" | "missed" | "not-measured" | "waived";
/** Objectives a scenario may waive, each with its reason. */
export type Waivers = Partial<Record<"rto" | "mtpd" | "rpo" | "availability" | "heal-disruption", string>>;

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
  rtoObjectiveMs?: number;
  /** Maximum tolerable period of disruption, judged on the same client-observed disruption as RTO. */
  mtpdMs?: number;
  rpoMs?: number;
  /** Minimum availability while disrupted, percent 0–100. */
  minAvailabilityPct?: number;
  /** Longest tolerated disruption after heal (failback); default: the RTO. */
  healDisruptionMs?: number;
}

export interface Evidence {
  recovery?: Recovery;
  /** Probe interval, reported next to every RTO without bounds. */
  resolutionMs?: number;
  /** The interval the true RTO lies in, from the samples around onset and recovery. */
  bounds?: RtoBounds;
  /** Disruption after heal; absent when heal was never watched. */
  heal?: HealMeasurement;
  availabilityWhileDisruptedPct?: number;
  /** Undefined when no ledger ran. */
  dataLoss?: DataLoss;
}

export function judge(objectives: Objectives, evidence: Evidence, waivers: Waivers = {}): Verdict[] {
  return measuredVerdicts(objectives, evidence).map((v) => waived(v, waivers));
}

/** A waiver applies to what was not measured; a measured figure keeps its verdict. */
function waived(v: Verdict, waivers: Waivers): Verdict {
  const reason = waivers[v.objective as keyof Waivers];
  if (reason === undefined) return v;
  if (v.status !== "not-measured") return { ...v, note: `${v.note ? `${v.note}; ` : ""}waived by the scenario (${reason}), but measured` };
  return { ...v, status: "waived", note: reason };
}

function measuredVerdicts(objectives: Objectives, evidence: Evidence): Verdict[] {
  const verdicts: Verdict[] = [];
  if (objectives.rtoObjectiveMs !== undefined) verdicts.push(judgeRecovery("rto", objectives.rtoObjectiveMs, evidence));
  if (objectives.mtpdMs !== undefined) verdicts.push(judgeRecovery("mtpd", objectives.mtpdMs, evidence));
  if (objectives.rpoMs !== undefined) verdicts.push(judgeRpo(objectives.rpoMs, evidence.dataLoss));
  if (objectives.minAvailabilityPct !== undefined) {
    verdicts.push(judgeAvailability(objectives.minAvailabilityPct, evidence.availabilityWhileDisruptedPct));
  }
  if (evidence.dataLoss) verdicts.push(...judgeIntegrity(evidence.dataLoss));
  const healTarget = objectives.healDisruptionMs ?? objectives.rtoObjectiveMs;
  if (healTarget !== undefined && evidence.heal) verdicts.push(judgeHeal(healTarget, evidence.heal, objectives.healDisruptionMs === undefined));
  return verdicts;
}

function judgeHeal(target: number, heal: HealMeasurement, againstRto: boolean): Verdict {
  const base = { objective: "heal-disruption" as const, target, unit: "ms" as const };
  const against = againstRto ? " (judged against the RTO)" : "";
  const failed = `${heal.failedSamples} failed sample${heal.failedSamples === 1 ? "" : "s"} after heal`;
  if (!heal.recovered) {
    const note = `still disrupted when watching ended, for at least ${round(heal.observedMs ?? 0)} ms; ${failed}${against}`;
    if ((heal.observedMs ?? 0) > target) return { ...base, measured: heal.observedMs!, status: "missed", margin: target - heal.observedMs!, note };
    return { ...base, status: "not-measured", note };
  }
  const measured = heal.durationMs ?? 0;
  const note = heal.durationMs === undefined ? `no disruption during heal, restore and rejoin${against}` : `${failed}${against}`;
  return { ...base, measured, status: measured <= target ? "met" : "missed", margin: target - measured, note };
}

function judgeRecovery(objective: "rto" | "mtpd", target: number, evidence: Evidence): Verdict {
  const base = { objective, target, unit: "ms" as const };
  const r = evidence.recovery;
  const b = evidence.bounds;
  const resolution = b ? ` (true value in [${round(b.minMs)}, ${round(b.maxMs)}] ms)` : evidence.resolutionMs !== undefined ? ` (resolution ${round(evidence.resolutionMs)} ms)` : "";
  if (!r || r.kind === "no-samples") return { ...base, status: "not-measured", note: "no probe sample after the fault" };
  if (r.kind === "no-disruption") return { ...base, status: "met", note: "no disruption observed" };
  if (r.kind === "recovered") {
    const status = r.measuredRtoMs <= target ? "met" : "missed";
    const coarse = isCoarse(b, target) ? `; resolution ${round(b!.widthMs)} ms is coarser than 10 % of the objective` : "";
    const straddles = b && status === "met" && b.maxMs > target ? `; the upper bound ${round(b.maxMs)} ms lies past the objective` : "";
    return { ...base, measured: r.measuredRtoMs, status, margin: target - r.measuredRtoMs, note: `recovered${resolution}${coarse}${straddles}` };
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
