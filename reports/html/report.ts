// The HTML report of one or many drills: one self-contained file. With several
// drills a summary table on top links to each drill's section.
import { humanMs } from "../../core/duration.ts";
import { figure, when } from "../figures.ts";
import { dataLossWindowMs, type DrillModel } from "../model/drill-model.ts";
import { anchorId } from "../safe/escape.ts";
import { drillSection } from "./drill-section.ts";
import { page } from "./page.ts";
import { h, table, type Markup } from "./tag.ts";

export function renderHtml(drills: readonly DrillModel[], generator: string): string {
  const ids = drills.map((_, i) => anchorId("drill", i));
  const one = drills.length === 1 ? drills[0] : undefined;
  const title = one ? `Drill ${one.outcome}: ${one.started.scenario.service} · ${one.started.scenario.hazard}` : `Continuity drills: ${tally(drills)}`;
  const body = h`<h1>${title}</h1>
<p class="sub">Rendered from ${drills.length === 1 ? "the drill's journal" : `${drills.length} journals`} alone; every figure can be checked against the journal by its SHA-256.</p>
${drills.length > 1 ? summaryTable(drills, ids) : ""}
${drills.map((d, i) => drillSection(d, ids[i]!))}`;
  return page(title, body, `${generator} · journal format v1`);
}

function tally(drills: readonly DrillModel[]): string {
  const counts = new Map<string, number>();
  for (const d of drills) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
  return [...counts.entries()].map(([o, n]) => `${n} ${o}`).join(", ");
}

function summaryTable(drills: readonly DrillModel[], ids: readonly string[]): Markup {
  return h`<nav class="toc">${table(
    ["Drill", "Service", "Hazard", "When", "Outcome", "RTO measured / objective", "Data-loss window / RPO"],
    drills.map((d, i) => {
      const o = d.started.objectivesMs;
      const rto = d.summary?.service.rtoMs;
      const loss = dataLossWindowMs(d);
      return [
        h`<a href="#${ids[i]}">${d.started.scenario.name}</a>`,
        d.started.scenario.service,
        d.started.scenario.hazard,
        when(d.started.startedAt),
        h`<span class="st st-${d.outcome}">${d.outcome}</span>`,
        `${figure(rto, "ms")} / ${o.rto === undefined ? "—" : humanMs(o.rto)}`,
        `${figure(loss, "ms")} / ${o.rpo === undefined ? "—" : humanMs(o.rpo)}`,
      ];
    }),
    "summary",
  )}</nav>`;
}
