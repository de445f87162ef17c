// A run's reports in a folder of its own, named after the run (not after its
// first drill): index.html lists every drill with its verdict and links to the
// drill's own report (<drill id>/report.html); the run's Markdown (PR comment),
// JSON and JUnit (one file per run, so a CI glob counts each drill once) sit
// beside the index.
import { join } from "node:path";
import { writeFileAtomic } from "../../core/atomic-write.ts";
import { figure, OUTCOME_SYMBOL, when } from "../figures.ts";
import { FILE_NAME, type Format } from "../formats.ts";
import { dataLossWindowMs, type DrillModel } from "../model/drill-model.ts";
import { exerciseView } from "../model/exercise.ts";
import { rendererLabel } from "../version.ts";
import { loadDrills, renderFormat } from "../write.ts";
import { page } from "./page.ts";
import { h, table } from "./tag.ts";

/** The run folder's name: the run id every journal of the run records, else the first drill's start. */
export function runFolderName(drills: readonly DrillModel[]): string {
  const first = drills[0]!.started;
  return (first.identity?.runId ?? first.startedAt.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")).replace(/[^A-Za-z0-9._-]/g, "_");
}

/** A drill's folder inside the run folder: its drill id, which is unique across runs. */
export const drillFolderName = (d: DrillModel) => d.started.drillId.replace(/[^A-Za-z0-9._-]/g, "_");

export function renderRunIndex(drills: readonly DrillModel[], generator: string): string {
  const title = `Drill run ${runFolderName(drills)}: ${drills.length} drill${drills.length === 1 ? "" : "s"}`;
  const body = h`<h1>${title}</h1>
<p class="sub">Each drill's full report (timeline, writes, exercise record, review) is linked below; the run's Markdown, JSON and JUnit are beside this page.</p>
${table(["Drill", "Service · hazard", "When", "Outcome", "RTO", "Data-loss window", "Deviations"], drills.map((d) => [
    h`<a href="${`${drillFolderName(d)}/${FILE_NAME.html}`}">${d.started.scenario.name}</a>`,
    `${d.started.scenario.service} · ${d.started.scenario.hazard}`,
    when(d.started.startedAt),
    h`<span class="st st-${d.outcome}">${OUTCOME_SYMBOL[d.outcome]} ${d.outcome}</span>`,
    figure(d.summary?.service.rtoMs, "ms"),
    figure(dataLossWindowMs(d), "ms"),
    String(exerciseView(d).deviations.length),
  ]), "summary")}
<p class="note">Run formats: <a href="${FILE_NAME.md}">${FILE_NAME.md}</a> · <a href="${FILE_NAME.json}">${FILE_NAME.json}</a> · <a href="${FILE_NAME.junit}">${FILE_NAME.junit}</a></p>`;
  return page(title, body, generator);
}

/**
 * Writes `<outDir>/<run>/index.html`, `<run>/<drill id>/report.html` per drill,
 * and the run's other formats beside the index; returns the paths written.
 */
export async function writeRunFolder(journals: readonly string[], outDir: string, formats: readonly Format[] = ["md", "json", "junit"]): Promise<string[]> {
  const drills = await loadDrills(journals);
  if (drills.length === 0) return [];
  const dir = join(outDir, runFolderName(drills));
  const written: string[] = [];
  const write = (file: string, text: string) => {
    writeFileAtomic(file, text);
    written.push(file);
  };
  write(join(dir, "index.html"), renderRunIndex(drills, rendererLabel()));
  for (const d of drills) write(join(dir, drillFolderName(d), FILE_NAME.html), renderFormat("html", [d], ["html"]));
  for (const f of formats.filter((x) => x !== "html")) write(join(dir, FILE_NAME[f]), renderFormat(f, drills, formats));
  return written;
}
