// What a command concluded, in the harness's terms. Commands return it; only the
// CLI edge (edge.ts) turns it into an exit code, as DESIGN "Exit codes of drill"
// says: 0 all met · 1 an objective missed · 2 invalid input · 3 could not run.
// A thrown DrillError says the same through its kind (core/errors.ts); this is
// for the commands that finish and still have something to say.
import type { DrillResult } from "../drill/session.ts";
import type { GateStatus } from "../gate/types.ts";

/**
 * - `met`: every objective met, no error finding.
 * - `not-met`: an objective missed or not shown met, or a finding of error severity.
 * - `invalid-input`: some input was unreadable although the rest was processed (e.g. one bad journal).
 * - `could-not-run`: a drill did not run to its verdict (error, interrupted, not started) or a fault stayed unhealed.
 */
export type CommandOutcome = "met" | "not-met" | "invalid-input" | "could-not-run";

const EXIT: Record<CommandOutcome, 0 | 1 | 2 | 3> = { met: 0, "not-met": 1, "invalid-input": 2, "could-not-run": 3 };

/** The exit code of what a command returned; a command that returns nothing succeeded. For the CLI edge only. */
export function exitCodeOfOutcome(outcome: unknown): 0 | 1 | 2 | 3 {
  return typeof outcome === "string" && outcome in EXIT ? EXIT[outcome as CommandOutcome] : 0;
}

/** Findings (verify, readiness): an error-severity finding fails the check. */
export const outcomeOfFindings = (errors: number): CommandOutcome => (errors > 0 ? "not-met" : "met");

/** A gate: "could not judge" (runs interrupted or missing) is could-not-run; failed and inconclusive are not met. */
export const outcomeOfGate = (status: GateStatus): CommandOutcome =>
  status === "could-not-judge" ? "could-not-run" : status === "passed" ? "met" : "not-met";

/** Drills run: any that did not reach a verdict wins; then any not shown met. */
export function outcomeOfDrills(results: readonly Pick<DrillResult, "summary">[]): CommandOutcome {
  const outcomes = results.map((r) => r.summary.outcome);
  if (outcomes.some((o) => o === "error" || o === "not-started" || o === "interrupted")) return "could-not-run";
  if (outcomes.some((o) => o === "failed" || o === "inconclusive")) return "not-met";
  return "met";
}
