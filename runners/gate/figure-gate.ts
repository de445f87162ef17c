// One figure of one scenario against its objective: the distribution over the
// counted runs, the chosen statistic, and the runs' own verdicts beside it, so
// a reader sees when the runs disagree ("mixed") and what the gate made of it.
import type { VerdictT } from "../../journal/format.ts";
import { repeatStats } from "../measure/repeat.ts";
import type { Figure, FigureGate, Statistic } from "./types.ts";

const OBJECTIVE_OF: Record<Figure, VerdictT["objective"]> = { rto: "rto", "data-loss": "rpo" };

export interface FigureInput {
  figure: Figure;
  /** Per counted run; undefined where the figure does not apply (no ledger). */
  values: (number | undefined)[];
  objectiveMs: number | undefined;
  /** Every counted run's verdicts. */
  verdicts: VerdictT[][];
  statistic: Statistic;
}

export function gateFigure(i: FigureInput): FigureGate {
  const applicable = i.values.filter((v): v is number => v !== undefined);
  const verdicts = countVerdicts(i.verdicts, OBJECTIVE_OF[i.figure]);
  const base = { figure: i.figure, ...(i.objectiveMs !== undefined ? { objectiveMs: i.objectiveMs } : {}), unmeasured: applicable.filter((v) => v === Infinity).length, verdicts };
  if (applicable.length === 0) {
    if (i.objectiveMs === undefined) return { ...base, status: "not-gated", note: "no objective in the plan, and no run measured it" };
    // Waived in every run: said, not counted as met. Otherwise nothing measured is nothing met.
    if (verdicts.waived === i.values.length) return { ...base, status: "not-gated", note: `waived by the scenario${waiverOf(i.verdicts, OBJECTIVE_OF[i.figure])}` };
    return { ...base, status: "not-measured", note: i.figure === "data-loss" ? "no ledger in this scenario and no waiver: data loss not measured" : "no run measured it" };
  }
  const stats = repeatStats(applicable)!;
  const value = stats[i.statistic];
  const partial = applicable.length < i.values.length ? `; ${i.values.length - applicable.length} run(s) without a ledger left out` : "";
  if (i.objectiveMs === undefined) return { ...base, stats, value, status: "not-gated", note: `no ${OBJECTIVE_OF[i.figure].toUpperCase()} objective in the plan${partial}` };
  const status = value <= i.objectiveMs ? "within" : "exceeded";
  const notes = [mixedNote(verdicts, i.statistic, status), base.unmeasured ? `${base.unmeasured} run(s) not measured, counted as ∞` : "", partial.slice(2)].filter(Boolean);
  return { ...base, stats, value, status, ...(notes.length ? { note: notes.join("; ") } : {}) };
}

function countVerdicts(all: VerdictT[][], objective: VerdictT["objective"]) {
  const out = { met: 0, missed: 0, notMeasured: 0, waived: 0 };
  for (const run of all) {
    const v = run.find((x) => x.objective === objective);
    if (v?.status === "met") out.met++;
    else if (v?.status === "missed") out.missed++;
    else if (v?.status === "waived") out.waived++;
    else out.notMeasured++;
  }
  return out;
}

function waiverOf(all: VerdictT[][], objective: VerdictT["objective"]): string {
  const note = all.flat().find((x) => x.objective === objective && x.status === "waived")?.note;
  return note ? `: ${note}` : "";
}

/** Runs that disagree are called out: a p95 gate may pass over a missed run, on purpose. */
function mixedNote(v: { met: number; missed: number }, statistic: Statistic, status: FigureGate["status"]): string {
  if (v.met === 0 || v.missed === 0) return "";
  const runs = `mixed: ${v.met} run(s) met the objective, ${v.missed} missed it`;
  return status === "within" ? `${runs}; the ${statistic} is within it` : `${runs}; the ${statistic} exceeds it`;
}
