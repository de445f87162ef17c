// Judging a drill: measurements → verdicts → outcome → the journal's summary
// record. Pure mapping; the figures come from runners/measure.
import type { LedgerSummaryT, OutcomeT, ProbeSummaryT, SummaryT, VerdictT } from "../../reports/journal/format.ts";
import { decideOutcome, judge, measureService, type DataLoss, type ProbeMeasurement, type Verdict } from "../measure/index.ts";
import type { PreparedDrill } from "./prepare.ts";
import type { StepOutcome } from "../gameday/step-runner.ts";

export interface JudgeInput {
  drill: PreparedDrill;
  t0?: number;
  probes: ProbeMeasurement[];
  overall: { ok: number; total: number }[];
  dataLoss: { ledger: string; loss?: DataLoss; written: number }[];
  faultConfirmed: boolean;
  /** Set when the drill did not run to its end. */
  abort?: { outcome: Extract<OutcomeT, "not-started" | "interrupted" | "error">; reason: string };
  durationMs: number;
  steps?: StepOutcome[];
  lessons?: string[];
}

function probeSummary(p: ProbeMeasurement, overall: { ok: number; total: number }): ProbeSummaryT {
  const r = p.recovery;
  const disrupted = r.kind === "recovered" || r.kind === "not-recovered";
  return {
    probe: p.probe,
    samples: p.samples,
    resolutionMs: p.resolutionMs,
    noDisruption: r.kind === "no-disruption",
    recovered: r.kind === "recovered" || r.kind === "no-disruption",
    ...(disrupted ? { firstDisruptedAt: r.detectedAt, detectMs: r.timeToDetectMs } : {}),
    ...(r.kind === "recovered" ? { recoveredAt: r.recoveredAt, rtoMs: r.rtoMs } : {}),
    ...(p.availabilityWhileDisrupted.percent !== undefined ? { availabilityDuring: p.availabilityWhileDisrupted.percent } : {}),
    availabilityOverall: overall.total ? (100 * overall.ok) / overall.total : 0,
    errors: Object.fromEntries(Object.entries(p.errors).filter(([, n]) => n !== undefined)) as Record<string, number>,
    latency: { before: p.latency.before ?? null, during: p.latency.during ?? null, after: p.latency.after ?? null },
  };
}

function ledgerSummary(name: string, written: number, loss: DataLoss | undefined): LedgerSummaryT {
  if (!loss) {
    return { ledger: name, written, acknowledged: 0, unacknowledged: 0, lost: 0, lostSeqs: [], lostAfterFault: 0, lostAfterFaultSeqs: [], unacknowledgedPresent: 0, corrupted: 0, dataLossWindowMs: 0, readBack: false };
  }
  return {
    ledger: name,
    written: loss.written,
    acknowledged: loss.acknowledged,
    unacknowledged: loss.unacknowledged,
    lost: loss.lostBeforeFault.length,
    lostSeqs: loss.lostBeforeFault.slice(0, 1000),
    lostAfterFault: loss.lostAfterFault.length,
    lostAfterFaultSeqs: loss.lostAfterFault.slice(0, 1000),
    unacknowledgedPresent: loss.unacknowledgedPresent,
    corrupted: loss.corrupted,
    dataLossWindowMs: loss.dataLossWindowMs,
    readBack: true,
  };
}

/** Several ledgers: the worst of them is the service's data loss. */
function worstLoss(losses: (DataLoss | undefined)[]): DataLoss | undefined {
  const known = losses.filter((l): l is DataLoss => l !== undefined);
  if (known.length === 0) return undefined;
  return known.reduce((a, b) => ({
    ...a,
    acknowledged: a.acknowledged + b.acknowledged,
    lostBeforeFault: [...a.lostBeforeFault, ...b.lostBeforeFault],
    lostAfterFault: [...a.lostAfterFault, ...b.lostAfterFault],
    dataLossWindowMs: Math.max(a.dataLossWindowMs, b.dataLossWindowMs),
    corrupted: a.corrupted + b.corrupted,
  }));
}

export function summarise(input: JudgeInput): SummaryT {
  const { drill } = input;
  const service = measureService(drill.service.name, input.probes);
  const loss = worstLoss(input.dataLoss.map((d) => d.loss));
  const o = drill.objectivesMs;
  const verdicts = input.t0 === undefined ? [] : judge(
    { rtoMs: o.rto, mtpdMs: o.mtpd, rpoMs: o.rpo, minAvailabilityPct: o.minAvailability },
    { recovery: service.recovery, resolutionMs: service.resolutionMs, availabilityWhileDisruptedPct: service.availabilityWhileDisruptedPct, dataLoss: loss },
  );
  // An RPO with no ledger in the scenario was not this drill's question: reported, not held against it.
  const inScope = verdicts.filter((v) => !(v.objective === "rpo" && !loss && drill.ledgerSpecs.length === 0));
  const r = service.recovery;
  const timedOut = (input.steps ?? []).filter((st) => st.outcome === "timed-out");
  const judged = decideOutcome({ started: input.t0 !== undefined, verdicts: inScope, faultConfirmed: input.faultConfirmed, disruptionObserved: r.kind === "recovered" || r.kind === "not-recovered" });
  // A manual step that ran out of time is a failed procedure, whatever the service did.
  const decided = input.abort ?? (timedOut.length && judged.outcome !== "failed" ? { outcome: "failed" as const, reason: `manual step timed out: ${timedOut.map((st) => st.step).join(", ")}` } : judged);
  return {
    type: "summary",
    outcome: decided.outcome,
    reason: decided.reason,
    ...(input.t0 !== undefined ? { t0: input.t0 } : {}),
    faultConfirmed: input.faultConfirmed,
    service: {
      name: drill.service.name,
      ...(r.kind === "recovered" ? { rtoMs: r.rtoMs } : {}),
      recovered: r.kind === "recovered" || r.kind === "no-disruption",
      noDisruption: r.kind === "no-disruption",
      ...(r.kind === "recovered" || r.kind === "not-recovered" ? { detectMs: r.timeToDetectMs } : {}),
      ...(service.availabilityWhileDisruptedPct !== undefined ? { availabilityDuring: service.availabilityWhileDisruptedPct } : {}),
      resolutionMs: service.resolutionMs,
    },
    probes: input.probes.map((p, i) => probeSummary(p, input.overall[i] ?? { ok: 0, total: 0 })),
    ledgers: input.dataLoss.map((d) => ledgerSummary(d.ledger, d.written, d.loss)),
    verdicts: verdicts.map((v) => toVerdict(v, service.resolutionMs)),
    durationMs: input.durationMs,
    endedAt: new Date().toISOString(),
    ...(input.steps?.length ? { steps: input.steps } : {}),
    ...(input.lessons?.length ? { lessons: input.lessons } : {}),
  };
}

function toVerdict(v: Verdict, resolutionMs: number): VerdictT {
  return { ...v, ...(v.unit === "ms" && (v.objective === "rto" || v.objective === "mtpd") ? { resolutionMs } : {}) };
}
