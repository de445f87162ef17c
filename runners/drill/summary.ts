// Judging a drill: measurements → verdicts → outcome → the journal's summary
// record. Pure mapping; the figures come from runners/measure.
import type { LedgerSummaryT, OutcomeT, PathSummaryT, ProbeSummaryT, SummaryT, VerdictT } from "../../journal/format.ts";
import { decideOutcome, judge, type DataLoss, type InjectWindow, type ProbeMeasurement, type RtoBounds, type ServiceMeasurement, type Verdict, type Waivers } from "../measure/index.ts";
import type { PreparedDrill } from "./prepare.ts";
import type { StepOutcome } from "../gameday/step-runner.ts";
import type { RestoreResult } from "./phases/heal.ts";
import { parseDuration } from "../../stacks/lib/index.ts";

export type Abort = { outcome: Extract<OutcomeT, "not-started" | "interrupted" | "error">; reason: string };

export interface JudgeInput {
  drill: PreparedDrill;
  /** Absent when nothing was injected. */
  service?: ServiceMeasurement;
  window?: InjectWindow;
  /** Healthy and total samples per sampler (probes, then ledger writers), over the whole drill. */
  overall: { ok: number; total: number }[];
  dataLoss: { ledger: string; loss?: DataLoss; written: number }[];
  faultConfirmed: boolean;
  /** Set when the drill did not run to its end, or its heal failed. */
  abort?: Abort;
  restored?: RestoreResult;
  durationMs: number;
  steps?: StepOutcome[];
  lessons?: string[];
}

const bounds = (b: RtoBounds | undefined) => (b ? { minMs: b.minMs, maxMs: b.maxMs } : undefined);

function probeSummary(p: ProbeMeasurement, overall: { ok: number; total: number }, b: RtoBounds | undefined): ProbeSummaryT {
  const r = p.recovery;
  const disrupted = r.kind === "recovered" || r.kind === "not-recovered";
  return {
    probe: p.probe,
    path: p.path,
    source: p.source,
    // Every sample of the drill, as the timeline's caption counts them (the stream only saw those since the baseline).
    samples: Math.max(overall.total, p.samples),
    resolutionMs: b?.widthMs ?? p.resolutionMs,
    noDisruption: r.kind === "no-disruption",
    recovered: r.kind === "recovered" || r.kind === "no-disruption",
    ...(disrupted ? { firstDisruptedAt: r.detectedAt, detectMs: r.timeToDetectMs } : {}),
    ...(r.kind === "recovered" ? { recoveredAt: r.recoveredAt, rtoMs: r.measuredRtoMs } : {}),
    ...(b ? { rtoBounds: bounds(b) } : {}),
    ...(p.availabilityWhileDisrupted.percent !== undefined ? { availabilityDuring: p.availabilityWhileDisrupted.percent } : {}),
    availabilityOverall: overall.total ? (100 * overall.ok) / overall.total : 0,
    errors: Object.fromEntries(Object.entries(p.errors).filter(([, n]) => n !== undefined)) as Record<string, number>,
    latency: { before: p.latency.before ?? null, during: p.latency.during ?? null, after: p.latency.after ?? null },
    ...(p.heal ? { healFailed: p.heal.failedSamples } : {}),
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

/** The scenario's waivers, keyed by verdict objective. */
export function waiversOf(drill: PreparedDrill): Waivers {
  const w = drill.scenario.waive ?? {};
  return {
    ...(w.rto ? { rto: w.rto } : {}), ...(w.mtpd ? { mtpd: w.mtpd } : {}), ...(w.rpo ? { rpo: w.rpo } : {}),
    ...(w.availability ? { availability: w.availability } : {}), ...(w.healDisruption ? { "heal-disruption": w.healDisruption } : {}),
  };
}

export function summarise(input: JudgeInput): SummaryT {
  const { drill, service } = input;
  const loss = worstLoss(input.dataLoss.map((d) => d.loss));
  const o = drill.objectivesMs;
  const waivers = waiversOf(drill);
  const healObjective = drill.scenario.healDisruption ? parseDuration(drill.scenario.healDisruption) : undefined;
  const verdicts = !service ? [] : judge(
    { rtoObjectiveMs: o.rto, mtpdMs: o.mtpd, rpoMs: o.rpo, minAvailabilityPct: o.minAvailability, ...(healObjective !== undefined ? { healDisruptionMs: healObjective } : {}) },
    { recovery: service.recovery, resolutionMs: service.resolutionMs, ...(service.bounds ? { bounds: service.bounds } : {}), availabilityWhileDisruptedPct: service.availabilityWhileDisruptedPct, dataLoss: loss, ...(service.heal ? { heal: service.heal } : {}) },
    waivers,
  );
  const r = service?.recovery ?? { kind: "no-samples" as const };
  const timedOut = (input.steps ?? []).filter((st) => st.outcome === "timed-out");
  const judged = decideOutcome({ started: service !== undefined, verdicts, faultConfirmed: input.faultConfirmed, disruptionObserved: r.kind === "recovered" || r.kind === "not-recovered" });
  // A manual step that ran out of time is a failed procedure, whatever the service did.
  const decided = input.abort ?? (timedOut.length && judged.outcome !== "failed" ? { outcome: "failed" as const, reason: `manual step timed out: ${timedOut.map((st) => st.step).join(", ")}` } : judged);
  const boundsOf = new Map(service?.paths.map((p) => [p.decidedBy, p.bounds]) ?? []);
  return {
    type: "summary",
    outcome: decided.outcome,
    reason: decided.reason,
    ...(service ? { t0: service.onset.t0 } : {}),
    faultConfirmed: input.faultConfirmed,
    service: {
      name: drill.service.name,
      ...(r.kind === "recovered" ? { rtoMs: r.measuredRtoMs } : {}),
      recovered: r.kind === "recovered" || r.kind === "no-disruption",
      noDisruption: r.kind === "no-disruption",
      ...(r.kind === "recovered" || r.kind === "not-recovered" ? { detectMs: r.timeToDetectMs } : {}),
      ...(service?.availabilityWhileDisruptedPct !== undefined ? { availabilityDuring: service.availabilityWhileDisruptedPct } : {}),
      resolutionMs: service?.bounds?.widthMs ?? service?.resolutionMs ?? 0,
      ...(service?.bounds ? { rtoBounds: bounds(service.bounds) } : {}),
      ...(service ? { paths: service.paths.map(pathSummary) } : {}),
      ...(service?.heal ? { heal: service.heal } : {}),
      ...(service?.decidedBy ? { decidedBy: service.decidedBy } : {}),
      ...(input.restored?.full !== undefined ? { fullRedundancy: input.restored.full } : {}),
      ...(input.restored?.timeToFullRedundancyMs !== undefined ? { timeToFullRedundancyMs: input.restored.timeToFullRedundancyMs } : {}),
    },
    ...(service && input.window ? { onset: { windowStartedAt: input.window.startedAt, windowReturnedAt: input.window.returnedAt, t0: service.onset.t0, lowerBound: service.onset.lowerBound, ...(service.onset.seenBy ? { seenBy: service.onset.seenBy } : {}) } } : {}),
    ...(Object.keys(waivers).length ? { waivers: waivers as Record<string, string> } : {}),
    probes: (service?.probes ?? []).map((p, i) => probeSummary(p, input.overall[i] ?? { ok: 0, total: 0 }, boundsOf.get(p.probe))),
    ledgers: input.dataLoss.map((d) => ledgerSummary(d.ledger, d.written, d.loss)),
    verdicts: verdicts.map((v) => toVerdict(v, service)),
    durationMs: input.durationMs,
    endedAt: new Date().toISOString(),
    ...(input.steps?.length ? { steps: input.steps } : {}),
    ...(input.lessons?.length ? { lessons: input.lessons } : {}),
  };
}

function pathSummary(p: ServiceMeasurement["paths"][number]): PathSummaryT {
  const r = p.recovery;
  return {
    path: p.path,
    ...(r.kind === "recovered" ? { rtoMs: r.measuredRtoMs } : {}),
    ...(p.bounds ? { bounds: bounds(p.bounds) } : {}),
    recovered: r.kind === "recovered" || r.kind === "no-disruption",
    noDisruption: r.kind === "no-disruption",
    ...(p.decidedBy ? { decidedBy: p.decidedBy } : {}),
  };
}

function toVerdict(v: Verdict, service: ServiceMeasurement | undefined): VerdictT {
  if (v.unit !== "ms" || (v.objective !== "rto" && v.objective !== "mtpd")) return { ...v };
  const b = service?.bounds;
  return { ...v, resolutionMs: b?.widthMs ?? service?.resolutionMs ?? 0, ...(b ? { bounds: bounds(b) } : {}) };
}
