// `drill report`: render journals into reports for reviewers and CI — HTML with
// timeline charts, Markdown for a pull request, JSON, JUnit XML. Reports come
// from journals alone, so evidence can be re-rendered years later.
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { defineCommand } from "citty";
import { inputError } from "../../../core/errors.ts";
import { debugArg } from "../args.ts";
import { paint, println, table } from "../output.ts";
import type { CommandOutcome } from "../outcome.ts";

export const reportCommand = defineCommand({
  meta: { name: "report", description: "Render drill journals as reports: HTML with timelines, Markdown, JSON, JUnit XML" },
  args: {
    journals: { type: "positional", description: "Journal files, or directories searched for *.jsonl", required: true, valueHint: "journal|dir…" },
    format: { type: "string", description: "Formats, comma-separated: html, md, json, junit (default: all)", valueHint: "list" },
    out: { type: "string", description: "Output directory (default: beside the first journal)", valueHint: "dir" },
    "report-url": { type: "string", description: "Absolute URL where report.html will be published; the Markdown links to it (for PR comments)", valueHint: "url" },
    ...debugArg,
  },
  async run({ args }) {
    const { findJournals, loadReportDrills, parseFormats, writeReportFiles } = await import("../../../reports/index.ts");
    const paths = (args._ as string[]).length ? (args._ as string[]) : [args.journals];
    const formats = parseFormats(args.format);
    if (findJournals(paths).length === 0) throw inputError(`no journals (*.jsonl) under ${paths.join(", ")}`);
    const reportUrl = args["report-url"];
    if (reportUrl !== undefined && !/^https?:\/\/\S+$/.test(reportUrl)) throw inputError(`--report-url: "${reportUrl}" is not an absolute http(s) URL`, { field: "--report-url" });
    const { journals: drills, ignored } = await loadReportDrills(paths);
    const unreadable = ignored.filter((i) => i.kind === "unreadable");
    // Nothing readable at all: bad input, as before (the first error names file:line).
    if (drills.length === 0 && unreadable.length) throw inputError(unreadable.map((i) => i.reason).join("\n"));
    const written = writeReportFiles(drills, args.out ?? defaultOut(paths[0]!), formats, reportUrl ? { reportUrl } : {});
    const tone = { passed: paint.green, failed: paint.red, error: paint.red } as Record<string, (s: string) => string>;
    println(table(
      ["OUTCOME", "SERVICE", "HAZARD", "SCENARIO", "JOURNAL"],
      drills.map((d) => [(tone[d.outcome] ?? paint.yellow)(d.outcome), d.started.scenario.service, d.started.scenario.hazard, d.started.scenario.name, d.name]),
    ));
    if (ignored.length) {
      println();
      println(table(["NOT COUNTED", "JOURNAL", "WHY"], ignored.map((i) => [i.kind, i.file, i.reason])));
    }
    println();
    for (const file of written) println(`${paint.dim("wrote")} ${file}`);
    // An unreadable journal is bad input even when the rest rendered: exit 2, named by file:line.
    if (unreadable.length) {
      for (const i of unreadable) process.stderr.write(`${i.reason}\n`);
      return "invalid-input" satisfies CommandOutcome;
    }
    return "met" satisfies CommandOutcome;
  },
});

/** Reports go beside the evidence: the journal's directory, or the directory given. */
function defaultOut(first: string): string {
  return statSync(first, { throwIfNoEntry: false })?.isDirectory() ? first : dirname(first);
}
