// Which JUnit test cases a drill becomes: one per objective (rto, rpo,
// availability, lost-after-fault, plus any other the summary judged), passing,
// failing, skipped or in error. A drill that did not run to a verdict (error,
// not-started, interrupted, or no summary) is an error in every case, so CI
// cannot read silence as success; an inconclusive drill skips what it did not miss.
import { figure, margin, resolutionText, verdictPhrase } from "../figures.ts";
import type { VerdictT } from "../../journal/format.ts";
import type { DrillModel } from "../model/drill-model.ts";

export interface TestCase {
  classname: string;
  /** Unique per drill: CI systems (GitLab) keep one case per classname + name, so a repeat's failure must not collapse into another's pass. */
  name: string;
  /** Seconds: the drill's duration — each objective was judged over the whole drill. */
  seconds: number;
  /** A passing case carries what was measured (measured, objective, margin, resolution). */
  result: { kind: "pass"; text: string } | { kind: "failure" | "error" | "skipped"; message: string; type: string; text: string };
}

/** "orders-db-node-loss rto [repeat 2/3] (drill 20250314T…-r2-…)". */
export function caseName(d: DrillModel, objective: string): string {
  const r = d.started.repeat;
  return `${d.started.scenario.name} ${objective}${r ? ` [repeat ${r.index}/${r.of}]` : ""} (drill ${d.started.drillId})`;
}

const STANDARD: VerdictT["objective"][] = ["rto", "rpo", "availability", "lost-after-fault"];
const NO_VERDICT = new Set(["error", "not-started", "interrupted"]);

export function testCases(d: DrillModel): TestCase[] {
  const verdicts = d.summary?.verdicts ?? [];
  const judged = new Set(verdicts.map((v) => v.objective));
  const objectives = [...STANDARD, ...verdicts.map((v) => v.objective).filter((o) => !STANDARD.includes(o))];
  return [...new Set(objectives)].map((objective) => {
    const base = { classname: d.started.scenario.service, name: caseName(d, objective), seconds: (d.summary?.durationMs ?? 0) / 1000 };
    const v = verdicts.find((x) => x.objective === objective);
    if (NO_VERDICT.has(d.outcome) || !d.summary) {
      const message = `drill ${d.outcome}${d.reason ? `: ${d.reason}` : ""}`;
      return { ...base, result: { kind: "error", message, type: d.outcome, text: `${message}\njournal ${d.name} sha256 ${d.sha256}` } };
    }
    if (!v || !judged.has(objective)) return { ...base, result: { kind: "skipped", message: `${objective}: no objective declared or judged in this drill`, type: "not-judged", text: "" } };
    if (v.status === "missed") return { ...base, result: { kind: "failure", message: verdictPhrase(v), type: "objective-missed", text: detail(v) } };
    // Nothing measured is nothing met: an unwaived objective without evidence fails the CI gate, as the drill's exit 1 does.
    if (v.status === "not-measured") return { ...base, result: { kind: "failure", message: `not measured${v.note ? `: ${v.note}` : ""}`, type: "not-measured", text: detail(v) } };
    if (v.status === "waived") return { ...base, result: { kind: "skipped", message: `waived: ${v.note ?? "no reason given"}`, type: "waived", text: "" } };
    if (d.outcome === "inconclusive") return { ...base, result: { kind: "skipped", message: `drill inconclusive${d.reason ? `: ${d.reason}` : ""}`, type: "inconclusive", text: detail(v) } };
    return { ...base, result: { kind: "pass", text: detail(v) } };
  });
}

function detail(v: VerdictT): string {
  return [
    `measured: ${figure(v.measured, v.unit)}`,
    `objective: ${figure(v.target, v.unit)}`,
    `margin: ${margin(v.margin, v.unit)}`,
    v.resolutionMs !== undefined || v.bounds ? `true value within: ${resolutionText(v)}` : "",
    v.note ? `note: ${v.note}` : "",
  ].filter(Boolean).join("\n");
}
