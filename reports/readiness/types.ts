// Readiness across the whole plan: for every service and every hazard it must
// survive, the last drill and whether that evidence is still fresh; the trend of
// what was measured; and the gaps — what a reviewer or auditor must act on.
import type { OutcomeT, VerdictT } from "../../journal/format.ts";
import type { IgnoredJournal } from "../../journal/evidence-set.ts";
import type { DrillRef } from "../../journal/drill-ref.ts";
import type { ServiceChange } from "./plan-changes.ts";
import type { TrainingRow } from "./training.ts";
import type { FollowupRow } from "./followups.ts";

/** One drill as readiness sees it: who, when, what came out, what was measured. */
export interface ReadinessDrill extends DrillRef {
  scenario: string;
  service: string;
  hazard: string;
  outcome: OutcomeT;
  startedAt: string;
  measuredRtoMs?: number;
  /** The measured data-loss window (worst ledger). */
  dataLossMs?: number;
  lostAfterFault?: number;
  missed: VerdictT[];
  notMeasured: VerdictT["objective"][];
  /** What the drill exercised; "unknown" for journals older than identity (version 1). */
  identity: { runId: string; planDigest: string; serviceDigest: string; sourceCommit?: string; sourceDirty?: boolean } | "unknown";
  /** How the service changed in the plan since this drill (set by readiness; empty or absent: unchanged or unknown). */
  changedSince?: ServiceChange[];
}

/** fresh: exercised within exerciseEvery (or exercised, when the plan sets no interval). */
export type Freshness = "fresh" | "stale" | "never";

export interface ReadinessCell {
  service: string;
  hazard: string;
  freshness: Freshness;
  /** The latest drill of this service and hazard, whatever its outcome. */
  last?: ReadinessDrill;
  /** The latest drill that exercised it (passed or failed). */
  lastExercise?: ReadinessDrill;
  /** Open follow-up actions on the last exercise: it counts, but is not closed out. */
  openActions?: number;
  /** When the evidence goes stale (lastExercise + exerciseEvery). */
  dueAt?: string;
  /** Set when the last exercise is stale because the service changed in the plan since (R8). */
  changed?: ServiceChange[];
}

export interface ServiceRow {
  name: string;
  tier: number;
  owner: string;
  rtoObjectiveMs?: number;
  rpoMs?: number;
  exerciseEveryMs?: number;
  cells: ReadinessCell[];
}

import type { Severity } from "../../core/severity.ts";

export type { Severity };

/** A finding in the shape `drill verify` reports (rule, severity, service, field, message). */
export interface ReadinessFinding {
  rule: "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "R9" | "R10" | "R11" | "R12" | "R13";
  severity: Severity;
  service?: string;
  /** Dotted path in the service's plan entry, e.g. `objectives.rto`. */
  field?: string;
  message: string;
}

export interface Gap extends ReadinessFinding {
  hazard?: string;
  /** The drill the gap was found in, when there is one. */
  drill?: ReadinessDrill;
}

export interface Readiness {
  plan: { project: string; stack: string; target: string };
  asOf: string;
  hazards: { id: string; title: string }[];
  services: ServiceRow[];
  /** Exercises (passed or failed) per service, oldest first: how RTO and data loss move over time. */
  trend: Record<string, ReadinessDrill[]>;
  gaps: Gap[];
  /** Drills of services or hazards the plan does not declare. */
  unplanned: ReadinessDrill[];
  /** Who has exercised each service's runbook by hand, and when (game days). */
  training: TrainingRow[];
  /** Reviews and actions: every reviewed drill, and every failed or inconclusive one (reviewed or not). */
  followups: FollowupRow[];
  /** Drills counted (after the rules of journal/evidence-set.ts). */
  drills: number;
  /** Journals that did not count, each with its reason: duplicates, other plans, future-dated, unreadable. */
  ignored: IgnoredJournal[];
}
