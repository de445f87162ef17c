// What a drill exercised, as every report format shows it: project, stack,
// target, digests of the plan, the service entry and the scenario, the
// program's commit, tool, host, run and drill. A journal older than identity
// (format version 1) shows "unknown" for what it did not record — never guessed.
import type { DrillStartedT } from "../../journal/format.ts";

export const UNKNOWN = "unknown";

export interface IdentityView {
  project: string;
  stack: string;
  target: string;
  planDigest: string;
  serviceDigest: string;
  scenarioDigest: string;
  /** "<commit>" or "<commit> (dirty)"; "not in a git tree" when the run had none. */
  source: string;
  tool: string;
  host: string;
  runId: string;
  drillId: string;
  journalVersion: number;
}

export function identityView(s: DrillStartedT): IdentityView {
  const id = s.identity;
  return {
    project: s.plan.project, stack: s.plan.stack, target: s.plan.target,
    planDigest: id?.planDigest ?? UNKNOWN, serviceDigest: id?.serviceDigest ?? UNKNOWN, scenarioDigest: id?.scenarioDigest ?? UNKNOWN,
    source: !id ? UNKNOWN : id.source ? `${id.source.commit}${id.source.dirty ? " (dirty)" : ""}` : "not in a git tree",
    tool: `${s.tool.name} ${s.tool.version}`, host: s.host.hostname, runId: id?.runId ?? UNKNOWN, drillId: s.drillId, journalVersion: s.version,
  };
}

/** Label → value, in the order reports list them. */
export function identityRows(s: DrillStartedT): [string, string][] {
  const v = identityView(s);
  return [
    ["Project", v.project], ["Stack", v.stack], ["Target", v.target], ["Plan digest", v.planDigest], ["Service digest", v.serviceDigest],
    ["Scenario digest", v.scenarioDigest], ["Program commit", v.source], ["Tool", v.tool], ["Host", v.host], ["Run", v.runId], ["Drill", v.drillId],
    ["Journal format", String(v.journalVersion)],
  ];
}
