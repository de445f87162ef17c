// Everything a renderer needs about one drill, derived from its journal alone.
// Renderers (HTML, Markdown, JUnit, JSON) read this and nothing else, so the
// figures they show are the same figures, computed once.
import type { FollowupT } from "../../journal/followup.ts";
import type { DrillStartedT, FaultEventT, OutcomeT, ReadBackRecordT, SummaryT } from "../../journal/format.ts";
import type { HazardContext, PlanContext } from "./context.ts";
import type { FocusView } from "./focus.ts";
import type { LedgerSeries } from "./ledger-series.ts";
import type { ProbeSeries } from "./probe-series.ts";

export interface FaultWindow {
  fault: number;
  kind: string;
  /** When the fault took effect ("injected"), or began injecting. */
  from: number;
  /** When it was healed; absent when the journal has no "healed" event. */
  to?: number;
  healFailed: boolean;
}

export interface LogEntry {
  t: number;
  /** "phase", "fault", "note", or the type of a newer record (e.g. "step"). */
  source: string;
  /** phase name, fault kind, or note level */
  what: string;
  /** phase status, fault event, or "" */
  status: string;
  detail: string;
}

export interface DrillModel {
  /** The journal file as given, and its base name for display. */
  file: string;
  name: string;
  sha256: string;
  bytes: number;
  /** The line number of a torn final line that was left out (the writer was killed mid-line). */
  tornLine?: number;
  records: number;
  started: DrillStartedT;
  summary?: SummaryT;
  /** The summary's outcome; "interrupted" when the journal ends without one. */
  outcome: OutcomeT;
  reason?: string;
  /** The moment the fault took effect, on the drill clock. */
  t0?: number;
  /** First and last time of any timed record. */
  span: { start: number; end: number };
  faultWindows: FaultWindow[];
  faultEvents: FaultEventT[];
  log: LogEntry[];
  /** Log entries left out to keep the report small (noisy notes). */
  logDropped: number;
  readbacks: ReadBackRecordT[];
  /** The whole drill, down-sampled. */
  probes: ProbeSeries[];
  ledgers: LedgerSeries[];
  /** A closer view around the fault, when the drill is much longer than it. */
  focus?: FocusView;
  context: PlanContext;
  hazard: HazardContext;
  counts: { samples: number; writes: number; notes: number; faultEvents: number; phases: number };
  /** Reviews and follow-up actions recorded beside the journal (`drill review`, `drill action`), bound to its SHA-256. */
  followup?: FollowupT;
}

/** Markers every chart draws, on the drill clock. */
export function markers(d: DrillModel): { t0?: number; firstDisrupted?: number; recovered?: number; rtoDeadline?: number } {
  const s = d.summary;
  const firsts = s?.probes.map((p) => p.firstDisruptedAt).filter((t): t is number => t !== undefined) ?? [];
  const recovered = s?.service.rtoMs !== undefined && d.t0 !== undefined && s.service.recovered ? d.t0 + s.service.rtoMs : undefined;
  const rto = d.started.objectivesMs.rto;
  return {
    t0: d.t0,
    firstDisrupted: firsts.length ? Math.min(...firsts) : undefined,
    recovered,
    rtoDeadline: d.t0 !== undefined && rto !== undefined ? d.t0 + rto : undefined,
  };
}

/** The measured data-loss window of the drill: the worst of its ledgers. */
export function dataLossWindowMs(d: DrillModel): number | undefined {
  const ls = d.summary?.ledgers ?? [];
  return ls.length ? Math.max(...ls.map((l) => l.dataLossWindowMs)) : undefined;
}
