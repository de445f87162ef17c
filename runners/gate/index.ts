// Public surface of statistical gating. `drill gate` re-judges journals on
// disk; `drill run --repeat N --gate p95|max` calls gateJournalFiles with the
// journals it just wrote.
import { readEvidence, selectEvidence } from "../../journal/evidence-set.ts";
import { gate } from "./gate.ts";
import type { GateOptions, GateReport } from "./types.ts";

export { gate } from "./gate.ts";
export { readGateJournals } from "./read.ts";
export type { DrillRef, Figure, FigureGate, GateOptions, GateReport, GateStatus, GroupGate, Statistic } from "./types.ts";
export { STATISTICS } from "./types.ts";

/** Gate the journals a run just wrote (one file per drill, as DrillResult.journal). */
export async function gateJournalFiles(files: readonly string[], o: GateOptions, now = new Date()): Promise<GateReport> {
  return gate(selectEvidence(await readEvidence(files), { now }), o);
}
