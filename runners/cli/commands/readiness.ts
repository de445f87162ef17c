// `drill readiness`: how ready the whole plan is, from the evidence — every
// service × hazard with its last drill, fresh or stale against exerciseEvery,
// the trend of measured RTO and data loss, and the gaps. Exit 1 when a gap has
// error severity (as `drill verify`), so CI can gate on stale or failed evidence.
import { defineCommand } from "citty";
import { debugArg, jsonArg, planSourceArgs, planSourceOf } from "../args.ts";
import { paint, printJson, println, table } from "../output.ts";
import { outcomeOfFindings } from "../outcome.ts";

export const readinessCommand = defineCommand({
  meta: { name: "readiness", description: "Readiness across the plan from drill evidence: services × hazards, freshness, trend, gaps (exit 1 on errors)" },
  args: {
    evidence: { type: "string", description: "Directory of journals (*.jsonl, searched recursively)", default: "evidence", valueHint: "dir" },
    ...planSourceArgs,
    format: { type: "string", description: "Formats, comma-separated: html, md (default: both)", valueHint: "list" },
    out: { type: "string", description: "Output directory (default: the evidence directory)", valueHint: "dir" },
    ...jsonArg,
    ...debugArg,
  },
  async run({ args }) {
    const { loadPlan } = await import("../../plan/load.ts");
    const reports = await import("../../../reports/index.ts");
    const loaded = await loadPlan(planSourceOf(args));
    const evidence = await reports.readEvidence([args.evidence]);
    const r = reports.readiness(loaded.plan, evidence, new Date(), await reports.readFollowups(evidence.journals));
    const errors = r.gaps.filter((g) => g.severity === "error").length;
    const outcome = outcomeOfFindings(errors);
    if (args.json) {
      printJson(reports.redactDeep(r));
      return outcome;
    }
    const formats = reports.parseFormats(args.format, reports.READINESS_FORMATS) as ("html" | "md")[];
    const written = reports.writeReadiness(r, args.out ?? args.evidence, formats);
    const cells = r.services.flatMap((s) => s.cells);
    const count = (f: string) => cells.filter((c) => c.freshness === f).length;
    println(paint.bold(`Readiness of ${r.plan.project}/${r.plan.stack}: ${count("fresh")} fresh, ${count("stale")} stale, ${count("never")} never exercised (${r.drills} drills${r.ignored.length ? `, ${r.ignored.length} journal(s) not counted` : ""})`));
    if (r.gaps.length) {
      const sev = (s: string) => (s === "error" ? paint.red(s) : s === "warning" ? paint.yellow(s) : s);
      println(table(["RULE", "SEVERITY", "SERVICE", "FINDING"], r.gaps.map((g) => [g.rule, sev(g.severity), g.service ?? "—", g.message])));
    }
    println();
    for (const file of written) println(`${paint.dim("wrote")} ${file}`);
    return outcome;
  },
});
