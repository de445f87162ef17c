// The Markdown report: a compact summary for a pull-request comment or a wiki
// page. Same verdicts and figures as the HTML (from the same model and the same
// formatting), and a link to the HTML report for the timelines.
import { humanMs } from "../../stacks/lib/duration.ts";
import { figure, healText, margin, OBJECTIVE_LABEL, OUTCOME_SYMBOL, pathsText, resolutionText, STATUS_SYMBOL, verdictPhrase, when } from "../figures.ts";
import { dataLossWindowMs, type DrillModel } from "../model/drill-model.ts";
import { identityRows } from "../model/identity.ts";
import { md } from "../safe/escape.ts";
import { bold, code, mdTable, MdRaw } from "./table.ts";

export interface MarkdownOptions {
  /** The HTML report's file name, relative to the Markdown file. */
  htmlName?: string;
  generator: string;
}

export function renderMarkdown(drills: readonly DrillModel[], o: MarkdownOptions): string {
  const out = [`## Continuity drills: ${md(tally(drills))}`, ""];
  out.push(mdTable(
    ["Outcome", "Service", "Hazard", "Scenario", "RTO (objective)", "Data-loss window (RPO)", "Lost after fault", "When"],
    drills.map((d) => {
      const o2 = d.started.objectivesMs;
      // No ledger ran: nothing was counted, which is not "0 lost".
      const lostAfter = d.summary?.ledgers.length ? d.summary.ledgers.reduce((n, l) => n + l.lostAfterFault, 0) : undefined;
      return [
        bold(`${OUTCOME_SYMBOL[d.outcome]} ${d.outcome}`), d.started.scenario.service, d.started.scenario.hazard, d.started.scenario.name,
        `${figure(d.summary?.service.rtoMs, "ms")} (${o2.rto === undefined ? "—" : humanMs(o2.rto)})`,
        `${figure(dataLossWindowMs(d), "ms")} (${o2.rpo === undefined ? "—" : humanMs(o2.rpo)})`,
        lostAfter === undefined ? "—" : String(lostAfter), when(d.started.startedAt),
      ];
    }),
  ));
  if (o.htmlName) out.push("", `Timelines and the full evidence: [${md(o.htmlName)}](${encodeURI(o.htmlName)})`);
  for (const d of drills) out.push("", ...drillDetail(d));
  out.push("", `<sub>${md(o.generator)} from journal format v1. Check the evidence by the SHA-256 of each journal.</sub>`, "");
  return out.join("\n");
}

function drillDetail(d: DrillModel): string[] {
  const s = d.started;
  const lines = [
    `### ${OUTCOME_SYMBOL[d.outcome]} ${md(d.outcome)} — ${md(s.scenario.service)} · ${md(s.scenario.hazard)}`,
    "",
    `Scenario ${md(s.scenario.name)} on ${md(`${s.plan.project}/${s.plan.stack}`)}, ${md(when(s.startedAt))}, run by ${md(s.host.user)} on ${md(s.host.hostname)} with ${md(`${s.tool.name} ${s.tool.version}`)}.`,
  ];
  if (d.reason) lines.push("", `> ${md(d.reason)}`);
  const verdicts = d.summary?.verdicts ?? [];
  if (verdicts.length) {
    lines.push("", mdTable(
      ["Objective", "Target", "Measured", "Margin", "True value within", "Verdict"],
      verdicts.map((v) => [OBJECTIVE_LABEL[v.objective], figure(v.target, v.unit), bold(figure(v.measured, v.unit)), margin(v.margin, v.unit), resolutionText(v), new MdRaw(`${STATUS_SYMBOL[v.status]} ${md(v.status)}${v.status === "waived" && v.note ? `: ${md(v.note)}` : ""}`)]),
      ["l", "r", "r", "r", "r", "l"],
    ));
    const paths = pathsText(d.summary);
    const heal = healText(d.summary);
    if (paths) lines.push("", `RTO per path: ${md(paths)}.${heal ? ` Disruption during heal and failback: ${md(heal)}.` : ""}`);
    const missed = verdicts.filter((v) => v.status === "missed");
    if (missed.length) lines.push("", `Missed: ${missed.map((v) => md(verdictPhrase(v))).join("; ")}.`);
  } else lines.push("", "No verdicts: the journal has no summary.");
  lines.push("", `Journal ${code(d.name).value}, SHA-256 ${code(d.sha256).value}${d.tornLine ? ` (torn last line ${d.tornLine} left out)` : ""}`);
  lines.push("", `Exercised: ${identityRows(s).map(([k, v]) => `${md(k.toLowerCase())} ${/digest|commit/i.test(k) ? code(v).value : md(v)}`).join(" · ")}`);
  return lines;
}

function tally(drills: readonly DrillModel[]): string {
  const counts = new Map<string, number>();
  for (const d of drills) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
  return [...counts.entries()].map(([o, n]) => `${n} ${o}`).join(", ");
}
