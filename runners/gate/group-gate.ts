// Gating one scenario's repeated drills. Before any statistic, the gate asks
// whether it has the runs it needs: a drill that was interrupted, could not
// start or died without a summary, and fewer runs than expected, all make the
// group "could not judge" (exit 3) — a gate that quietly judged two runs of
// three would pass on the lucky ones — unless told to ignore incomplete runs.
import { humanMs } from "../../core/duration.ts";
import type { Journal } from "../../journal/read.ts";
import { dataLossOf, integrityBroken, rtoOf } from "./figures.ts";
import { gateFigure } from "./figure-gate.ts";
import type { DrillGroup } from "./group.ts";
import type { DrillRef, FigureGate, GateOptions, GroupGate } from "./types.ts";

const JUDGED = new Set(["passed", "failed", "inconclusive"]);

const ref = (j: Journal): DrillRef => ({ file: j.file, drillId: j.started.drillId, outcome: j.summary?.outcome ?? "no summary" });

export function gateGroup(group: DrillGroup, o: GateOptions): GroupGate {
  const counted = group.journals.filter((j) => j.summary && JUDGED.has(j.summary.outcome));
  const incomplete = group.journals.filter((j) => !counted.includes(j));
  const latest = group.journals[group.journals.length - 1]?.started;
  const expected = o.expect ?? maxRepeat(group.journals);
  const reasons: string[] = [];
  let couldNotJudge = false;
  for (const i of group.ignored) {
    if (i.kind === "unreadable") {
      reasons.push(`unreadable journal, could not judge it: ${i.reason}`);
      couldNotJudge = true;
    } else reasons.push(`ignored ${i.file}: ${i.reason}`);
  }
  if (incomplete.length > 0) {
    const what = `${incomplete.length} of ${group.journals.length} drill(s) did not finish: ${incomplete.map((j) => `${j.file} (${ref(j).outcome})`).join(", ")}`;
    reasons.push(o.ignoreIncomplete ? `${what}; ignored` : what);
    couldNotJudge ||= !o.ignoreIncomplete;
  }
  if (expected !== undefined && counted.length < expected) {
    reasons.push(`missing runs: ${counted.length} of ${expected} expected finished${o.ignoreIncomplete ? "; judged on those" : ""}`);
    couldNotJudge ||= !o.ignoreIncomplete;
  }
  if (counted.length === 0) {
    reasons.push("no drill finished: nothing to judge");
    couldNotJudge = true;
  }
  const summaries = counted.map((j) => j.summary!);
  const figures: FigureGate[] = counted.length === 0 || !latest ? [] : [
    gateFigure({ figure: "rto", values: summaries.map(rtoOf), objectiveMs: latest.objectivesMs.rto, verdicts: summaries.map((s) => s.verdicts), statistic: o.statistic }),
    gateFigure({ figure: "data-loss", values: counted.map((j) => dataLossOf(j.started, j.summary!)), objectiveMs: latest.objectivesMs.rpo, verdicts: summaries.map((s) => s.verdicts), statistic: o.statistic }),
  ];
  reasons.push(...objectiveChanges(group.journals), ...figures.map((f) => figureLine(f, o)));
  const integrity = counted.filter((j) => integrityBroken(j.summary!)).map(ref);
  if (integrity.length) reasons.push(`acknowledged writes lost after the fault, or corrupted, in ${integrity.map((r) => r.drillId).join(", ")}: never tolerated by a statistic`);
  // Failback is judged too: a run whose heal disrupted the service past its objective fails the gate.
  const healMissed = counted.filter((j) => j.summary!.verdicts.some((v) => v.objective === "heal-disruption" && v.status === "missed")).map(ref);
  if (healMissed.length) reasons.push(`disruption during heal and failback past its objective in ${healMissed.map((r) => r.drillId).join(", ")}`);
  const failed = figures.some((f) => f.status === "exceeded") || integrity.length > 0 || healMissed.length > 0;
  const inconclusive = figures.some((f) => f.status === "not-measured");
  return {
    project: group.project, stack: group.stack, scenario: group.scenario, service: latest?.scenario.service ?? group.ignored[0]?.service ?? "(unknown)",
    counted: counted.map(ref), incomplete: incomplete.map(ref), ignored: group.ignored, ...(expected !== undefined ? { expected } : {}),
    figures, integrity, status: couldNotJudge ? "could-not-judge" : failed ? "failed" : inconclusive ? "inconclusive" : "passed", reasons,
  };
}

function maxRepeat(journals: Journal[]): number | undefined {
  const ofs = journals.map((j) => j.started.repeat?.of).filter((n): n is number => n !== undefined);
  return ofs.length ? Math.max(...ofs) : undefined;
}

function objectiveChanges(journals: Journal[]): string[] {
  const out: string[] = [];
  for (const key of ["rto", "rpo"] as const) {
    const seen = [...new Set(journals.map((j) => j.started.objectivesMs[key]))];
    if (seen.length > 1) out.push(`the ${key.toUpperCase()} objective changed within these drills (${seen.map((v) => (v === undefined ? "none" : humanMs(v))).join(" → ")}); judged against the latest`);
  }
  return out;
}

const NAME = { rto: "RTO", "data-loss": "data loss" } as const;
const figureMs = (v: number) => (v === Infinity ? "∞ (not measured)" : v === 0 ? "0 (no disruption observed)" : humanMs(v));

function figureLine(f: FigureGate, o: GateOptions): string {
  const head = `${NAME[f.figure]}: `;
  if (f.status === "not-gated") return `${head}not gated (${f.note})`;
  if (f.status === "not-measured") return `${head}NOT MEASURED (${f.note})`;
  const verb = f.status === "within" ? "within" : "EXCEEDS";
  return `${head}${o.statistic} ${figureMs(f.value!)} ${verb} the objective ${humanMs(f.objectiveMs!)} over ${f.stats!.n} run(s)${f.note ? ` (${f.note})` : ""}`;
}
