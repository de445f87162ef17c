// What `drill run` prints at the end: one row per drill with what was measured
// against what the plan promises, and the distribution when drills repeat.
import { humanMs } from "../../stacks/lib/index.ts";
import type { SummaryT, VerdictT } from "../../journal/format.ts";
import type { DrillResult } from "../drill/session.ts";
import { repeatStats } from "../measure/index.ts";
import { paint, println, table } from "./output.ts";

const verdictOf = (s: SummaryT, objective: VerdictT["objective"]) => s.verdicts.find((v) => v.objective === objective);

function outcomeCell(o: SummaryT["outcome"]): string {
  const text = o.toUpperCase();
  return o === "passed" ? paint.green(text) : o === "failed" ? paint.red(text) : paint.yellow(text);
}

function rtoCell(s: SummaryT): string {
  const v = verdictOf(s, "rto");
  const b = s.service.rtoBounds;
  const res = b ? ` [${humanMs(b.minMs)}, ${humanMs(b.maxMs)}]` : s.service.resolutionMs ? ` ±${humanMs(s.service.resolutionMs)}` : "";
  const measured = s.service.noDisruption ? "no disruption" : s.service.rtoMs !== undefined ? `${humanMs(s.service.rtoMs)}${res}` : s.t0 !== undefined ? paint.red("not recovered") : "—";
  return v ? `${measured} / ${humanMs(v.target ?? NaN)}` : measured;
}

function lossCell(s: SummaryT): string[] {
  if (s.ledgers.length === 0) return ["—", "—"];
  const lost = s.ledgers.reduce((n, l) => n + l.lost + l.lostAfterFault, 0);
  const acked = s.ledgers.reduce((n, l) => n + l.acknowledged, 0);
  const rpo = verdictOf(s, "rpo");
  const window = Math.max(...s.ledgers.map((l) => l.dataLossWindowMs));
  return [`${lost} of ${acked}`, `${humanMs(window)}${rpo?.target !== undefined ? ` / ${humanMs(rpo.target)}` : ""}`];
}

export function printResults(results: DrillResult[], reports: string[]): void {
  println();
  println(table(
    ["SCENARIO", "SERVICE", "HAZARD", "RTO measured / objective", "LOST WRITES", "DATA LOSS / RPO", "OUTCOME"],
    results.map((r) => [
      r.drill.name + (r.repeat.of > 1 ? paint.dim(` #${r.repeat.index}`) : ""),
      r.drill.service.name, r.drill.hazard.id, rtoCell(r.summary), ...lossCell(r.summary), outcomeCell(r.summary.outcome),
    ]),
  ));
  for (const r of results) if (r.summary.outcome !== "passed") println(paint.dim(`  ${r.drill.name}: ${r.summary.reason ?? r.summary.outcome}`));
  printDistributions(results);
  println();
  println(paint.dim(`journals: ${[...new Set(results.map((r) => r.journal.replace(/\/[^/]+\/[^/]+$/, "")))].join(", ")}`));
  for (const f of reports) println(paint.dim(`report:   ${f}`));
}

function printDistributions(results: DrillResult[]): void {
  const byScenario = new Map<string, DrillResult[]>();
  for (const r of results.filter((x) => x.repeat.of > 1)) byScenario.set(r.drill.name, [...(byScenario.get(r.drill.name) ?? []), r]);
  if (byScenario.size === 0) return;
  println();
  const fmt = (v: number | undefined) => (v === undefined ? "—" : humanMs(v));
  const rows = [...byScenario].flatMap(([name, rs]) => {
    const rto = repeatStats(rs.map((r) => r.summary.service.rtoMs).filter((v): v is number => v !== undefined));
    const rpo = repeatStats(rs.flatMap((r) => r.summary.ledgers.map((l) => l.dataLossWindowMs)));
    return [rto && [name, "RTO", String(rto.n), fmt(rto.min), fmt(rto.median), fmt(rto.p95), fmt(rto.max)], rpo && [name, "data loss", String(rpo.n), fmt(rpo.min), fmt(rpo.median), fmt(rpo.p95), fmt(rpo.max)]].filter((x): x is string[] => Boolean(x));
  });
  println(table(["SCENARIO", "FIGURE", "N", "MIN", "MEDIAN", "P95", "MAX"], rows));
}

export async function writeRunReports(results: DrillResult[], outDir: string): Promise<string[]> {
  if (results.length === 0) return [];
  return (await import("../../reports/html/run-folder.ts")).writeRunFolder(results.map((r) => r.journal), `${outDir}/reports`);
}
