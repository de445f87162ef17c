// Render journals into report files. This is what `drill report` runs and what
// the drill runner calls after each drill to leave every format beside the
// journal. Each journal streams once into a DrillModel; every format renders
// from those models, and every file is written atomically.
import { join } from "node:path";
import { FILE_NAME, FORMATS, type Format } from "./formats.ts";
import { renderHtml } from "./html/report.ts";
import { readEach, selectEvidence, type EvidenceSet } from "../journal/evidence-set.ts";
import { findJournals } from "../journal/find.ts";
import { JournalInputError } from "../journal/read.ts";
import { renderJson } from "./json/render.ts";
import { renderJunit } from "./junit/render.ts";
import { renderMarkdown } from "./markdown/drills.ts";
import type { DrillModel } from "./model/drill-model.ts";
import { loadDrill } from "./model/load.ts";
import { writeFileAtomic } from "../core/atomic-write.ts";
import { renderer, rendererLabel } from "./version.ts";

/** What a caller may add to every format. */
export interface ReportOptions {
  /** The HTML report's absolute URL, linked from the Markdown (a PR comment has no relative links). */
  reportUrl?: string;
}

/** The text of one format for already loaded drills. */
export function renderFormat(format: Format, drills: readonly DrillModel[], formats: readonly Format[] = FORMATS, o: ReportOptions = {}): string {
  switch (format) {
    case "html": return renderHtml(drills, rendererLabel());
    case "md": return renderMarkdown(drills, { htmlName: formats.includes("html") ? FILE_NAME.html : undefined, ...(o.reportUrl ? { reportUrl: o.reportUrl } : {}), generator: rendererLabel() });
    case "json": return renderJson(drills, renderer());
    case "junit": return renderJunit(drills, rendererLabel());
  }
}

/** Journal files or directories (searched recursively for *.jsonl) → models, in order. */
export async function loadDrills(paths: readonly string[]): Promise<DrillModel[]> {
  const files = findJournals(paths);
  const drills: DrillModel[] = [];
  for (const file of files) drills.push(await loadDrill(file));
  return drills;
}

/**
 * The drills under `paths` that count (journal/evidence-set.ts): each
 * drill once, none stamped in the future; `ignored` says which did not and
 * why, unreadable journals included (the rest still render).
 */
export async function loadReportDrills(paths: readonly string[], now = new Date()): Promise<EvidenceSet<DrillModel>> {
  return selectEvidence(await readEach(findJournals(paths), loadDrill), { now });
}

/**
 * Writes the reports of `journalFiles` into `outDir` (report.html, report.md,
 * report.json, report.junit.xml) and returns the paths written. Bad journals
 * throw JournalInputError (exit code 2) naming file:line.
 */
export async function writeReports(journalFiles: string[], outDir: string, formats: Format[] = [...FORMATS]): Promise<string[]> {
  const drills = await loadDrills(journalFiles);
  if (drills.length === 0) throw new JournalInputError(`no journals (*.jsonl) in ${journalFiles.join(", ")}`);
  return writeReportFiles(drills, outDir, formats);
}

/** Writes already loaded drills; returns the paths written. */
export function writeReportFiles(drills: readonly DrillModel[], outDir: string, formats: readonly Format[], o: ReportOptions = {}): string[] {
  return formats.map((format) => {
    const file = join(outDir, FILE_NAME[format]);
    writeFileAtomic(file, renderFormat(format, drills, formats, o));
    return file;
  });
}
