// A drill as a gate, a report or readiness points at it: the journal file, the
// drill's id and how it ended. Richer views (readiness) extend this one.
import type { OutcomeT } from "./format.ts";

export interface DrillRef {
  /** Path of the journal file. */
  file: string;
  drillId: string;
  /** The summary's outcome, or "no summary" for a drill killed before it wrote one. */
  outcome: OutcomeT | "no summary";
}
