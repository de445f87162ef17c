// `drill gate <evidence…>`: re-judge journals already on disk, without running
// anything — the distribution of measured RTO and data loss per scenario, its
// p95 or max against the objective the journals recorded. Exit 0 every gated
// figure within its objective, 1 some not, 2 bad input (no journals, a bad
// journal named by file:line), 3 could not judge (interrupted or missing runs).
import { defineCommand } from "citty";
import { humanMs } from "../../../core/duration.ts";
import type { GateReport, Statistic } from "../../gate/index.ts";
import { inputError } from "../../../core/errors.ts";
import { debugArg, jsonArg } from "../args.ts";
import { paint, printJson, println, table } from "../output.ts";
import { exitCodeOfOutcome, outcomeOfGate } from "../outcome.ts";

export const gateCommand = defineCommand({
  meta: { name: "gate", description: "Judge repeated drills from their journals: p95 or max of RTO and data loss against the objectives (runs nothing)" },
  args: {
    evidence: { type: "positional", required: false, description: "Evidence directories or journal files", valueHint: "dir|file" },
    gate: { type: "string", description: "Statistic judged against each objective: p95 | max", default: "p95", valueHint: "p95|max" },
    expect: { type: "string", description: "Runs expected per scenario (default: the journals' own --repeat)", valueHint: "N" },
    "ignore-incomplete": { type: "boolean", description: "Judge the drills that finished; do not exit 3 for interrupted or missing runs", default: false },
    ...jsonArg,
    ...debugArg,
  },
  async run({ args }) {
    const statistic = parseStatistic(args.gate);
    const expect = args.expect === undefined ? undefined : parseExpect(args.expect);
    const paths = [...new Set([args.evidence, ...args._].filter((x): x is string => typeof x === "string" && x !== ""))];
    if (paths.length === 0) throw inputError("name at least one evidence directory or journal, e.g. `drill gate evidence/`");
    const { gate, readGateJournals } = await import("../../gate/index.ts");
    const report = gate(await readGateJournals(paths), { statistic, ...(expect !== undefined ? { expect } : {}), ignoreIncomplete: args["ignore-incomplete"] });
    const outcome = outcomeOfGate(report.status);
    // The JSON report has always carried the exit code for CI scripts; it is added here, at the CLI.
    if (args.json) printJson({ ...report, exitCode: exitCodeOfOutcome(outcome) });
    else printGateReport(report);
    return outcome;
  },
});

export function parseStatistic(text: string): Statistic {
  if (text === "p95" || text === "max") return text;
  throw inputError(`--gate: "${text}" is not a statistic; expected p95 or max`, { field: "--gate" });
}

function parseExpect(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw inputError(`--expect: "${text}" is not a whole number from 1 to 1000`, { field: "--expect" });
  return n;
}

const ms = (v: number | undefined) => (v === undefined ? "—" : v === Infinity ? "∞" : v === 0 ? "0 (no disruption)" : humanMs(v));
const STATUS = {
  within: paint.green("within"), exceeded: paint.red("EXCEEDED"), "not-gated": paint.dim("not gated"), "not-measured": paint.yellow("NOT MEASURED"),
  passed: paint.green("PASSED"), failed: paint.red("FAILED"), inconclusive: paint.yellow("INCONCLUSIVE"), "could-not-judge": paint.yellow("COULD NOT JUDGE"),
} as const;

/** The gate as people read it: one row per figure, the reasons under it, one verdict line. */
export function printGateReport(report: GateReport): void {
  // The project is named only when the journals hold more than one.
  const many = new Set(report.groups.map((g) => g.project)).size > 1;
  const where = (g: GateReport["groups"][number]) => `${many ? `${g.project}/` : ""}${g.stack}/${g.scenario}`;
  const rows = report.groups.flatMap((g) => {
    if (g.figures.length === 0) return [[where(g), "—", "0", "—", "—", "—", "—", "—", STATUS[g.status]]];
    return g.figures.map((f) => [
      where(g), f.figure === "rto" ? "RTO" : "data loss", String(f.stats?.n ?? 0),
      ms(f.stats?.min), ms(f.stats?.median), ms(f.stats?.p95), ms(f.stats?.max), ms(f.objectiveMs), STATUS[f.status],
    ]);
  });
  println(table(["SCENARIO", "FIGURE", "N", "MIN", "MEDIAN", "P95", "MAX", "OBJECTIVE", "GATE"], rows));
  for (const g of report.groups) {
    if (g.status === "passed" && g.reasons.every((r) => !/mixed|changed|not measured|NOT MEASURED|waived|ignored|missing/.test(r))) continue;
    println(`${paint.bold(where(g))} ${STATUS[g.status]}`);
    for (const r of g.reasons) println(paint.dim(`  ${r}`));
  }
  println();
  const ignored = report.ignored.length ? `, ${report.ignored.length} journal(s) not counted` : "";
  println(`gate ${report.statistic}: ${STATUS[report.status]} (${report.groups.length} scenario(s), ${report.groups.reduce((n, g) => n + g.counted.length, 0)} drill(s) judged${ignored})`);
}
