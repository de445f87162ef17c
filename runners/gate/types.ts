// What a gate decides, per scenario and for the whole set of journals. Plain
// data, so `drill gate --json` prints it as is (an unmeasured figure, +∞ here,
// becomes null in JSON).
import type { IgnoredJournal } from "../../journal/evidence-set.ts";
import type { RepeatStats } from "../measure/repeat.ts";

export type Statistic = "p95" | "max";
export const STATISTICS: readonly Statistic[] = ["p95", "max"];

export interface GateOptions {
  statistic: Statistic;
  /** Runs expected per scenario (`--repeat N`); default: the journals' own repeat.of. */
  expect?: number;
  /** Judge what finished, noting interrupted or missing runs instead of refusing to judge. */
  ignoreIncomplete?: boolean;
}

export type Figure = "rto" | "data-loss";

export interface FigureGate {
  figure: Figure;
  /** The objective recorded in the journal (the latest drill's, when they differ). */
  objectiveMs?: number;
  /** Over every counted run; a run where the figure was not measured enters as +∞. */
  stats?: RepeatStats;
  /** stats[statistic]: the value judged against the objective. */
  value?: number;
  /** Runs whose figure was not measured (counted as +∞). */
  unmeasured: number;
  /** The runs' own verdicts on this objective, as their journals recorded them. */
  verdicts: { met: number; missed: number; notMeasured: number; waived: number };
  /** not-measured: the plan declares the objective, no run measured it and no scenario waived it. */
  status: "within" | "exceeded" | "not-gated" | "not-measured";
  note?: string;
}

import type { DrillRef } from "../../journal/drill-ref.ts";

export type { DrillRef };

/** inconclusive: an objective the plan declares was neither measured nor waived (exit 1, like a drill). */
export type GateStatus = "passed" | "failed" | "inconclusive" | "could-not-judge";

export interface GroupGate {
  project: string;
  stack: string;
  scenario: string;
  service: string;
  /** Drills that ran to a judgement (passed, failed, inconclusive). */
  counted: DrillRef[];
  /** Drills that did not (interrupted, not-started, error, no summary). */
  incomplete: DrillRef[];
  /** Journals of this scenario that did not count: duplicates, future-dated, unreadable (these make it "could not judge"). */
  ignored: IgnoredJournal[];
  expected?: number;
  figures: FigureGate[];
  /** Runs that lost writes acknowledged after the fault, or corrupted data: never averaged away. */
  integrity: DrillRef[];
  status: GateStatus;
  /** Why the status is what it is, one line each, for people. */
  reasons: string[];
}

export interface GateReport {
  statistic: Statistic;
  groups: GroupGate[];
  /** Every journal that did not count, with its reason. */
  ignored: IgnoredJournal[];
  status: GateStatus;
}
