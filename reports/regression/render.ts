// Regressions in words: one plain sentence per regression (for HTML, escaped
// by the caller) and Markdown list lines (escaped here).
import { humanMs } from "../../core/duration.ts";
import { md } from "../safe/escape.ts";
import type { Regression } from "./regressions.ts";

const NAME = { rto: "RTO", "data-loss": "data-loss window" } as const;

/** "RTO 12.40 s is 2.5× the median of the last 10 drills (5.00 s); still within the objective 30.00 s" */
export function regressionText(r: Regression): string {
  const last = `the last ${r.historyN} drill${r.historyN === 1 ? "" : "s"}`;
  const head = r.baselineMs === 0
    ? `${NAME[r.figure]} ${humanMs(r.measuredMs)} where ${last} measured 0`
    : `${NAME[r.figure]} ${humanMs(r.measuredMs)} is ${r.ratio.toFixed(1)}× the median of ${last} (${humanMs(r.baselineMs)})`;
  if (r.objectiveMs === undefined) return `${head}; no objective`;
  return `${head}; ${r.withinObjective ? "still within" : "beyond"} the objective ${humanMs(r.objectiveMs)}`;
}

/** Markdown list lines, one per regression; [] when there are none. */
export function regressionLines(list: readonly Regression[]): string[] {
  return list.map((r) => `- **${md(`${r.stack}/${r.scenario}`)}**: ${md(regressionText(r))} (drill \`${r.drillId.replace(/`/g, "'")}\`)`);
}
