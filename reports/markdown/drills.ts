// The Markdown report: a compact summary for a pull-request comment or a wiki
// page. Same verdicts and figures as the HTML (from the same model and the same
// formatting), and a link to the HTML report for the timelines. It must fit a
// PR comment (GitHub refuses bodies over 65,536 characters) for any number of
// drills: the summary table comes first, the drills that need attention first
// in it; each drill's detail is folded, and what does not fit is left to the
// full report with a note saying how many were left out.
import { humanMs } from "../../core/duration.ts";
import { figure, healText, margin, OBJECTIVE_LABEL, OUTCOME_SYMBOL, pathsText, resolutionText, STATUS_SYMBOL, verdictPhrase, when } from "../figures.ts";
import { dataLossWindowMs, type DrillModel } from "../model/drill-model.ts";
import { exerciseView, participantsText } from "../model/exercise.ts";
import { identityRows } from "../model/identity.ts";
import { md } from "../safe/escape.ts";
import { bold, code, mdTable, MdRaw } from "./table.ts";

export interface MarkdownOptions {
  /** The HTML report's file name, relative to the Markdown file. */
  htmlName?: string;
  /** The HTML report's absolute URL (a PR comment has no "relative"); wins over htmlName. */
  reportUrl?: string;
  generator: string;
  /** Characters at most (default 65,000: under GitHub's 65,536 for a comment, with room to spare). */
  maxChars?: number;
}

/** GitHub's limit for a comment body is 65,536 characters; this leaves room for a caller's own line. */
export const PR_COMMENT_BUDGET = 65_000;

/** Failed, errored and inconclusive drills first: what a reviewer must see survives trimming. */
const ATTENTION: Record<string, number> = { failed: 0, error: 1, inconclusive: 2, interrupted: 3, "not-started": 4, passed: 5 };

export function renderMarkdown(drills: readonly DrillModel[], o: MarkdownOptions): string {
  const budget = o.maxChars ?? PR_COMMENT_BUDGET;
  const ordered = [...drills].sort((a, b) => (ATTENTION[a.outcome] ?? 9) - (ATTENTION[b.outcome] ?? 9));
  const link = o.reportUrl ? `[the full report](${encodeURI(o.reportUrl)})` : o.htmlName ? `[${md(o.htmlName)}](${encodeURI(o.htmlName)})` : undefined;
  const footer = ["", `<sub>${md(o.generator)} from journal format v1. Check the evidence by the SHA-256 of each journal.</sub>`, ""].join("\n");
  const head = [`## Continuity drills: ${md(tally(drills))}`, ""].join("\n");
  const linkLine = link ? `\n\nTimelines and the full evidence: ${link}` : "";
  // Rows as many as fit (leaving a quarter of the budget for details), then details while they fit.
  const rows = fitRows(ordered, Math.floor(budget * 0.75) - head.length - footer.length - linkLine.length - 200);
  let out = `${head}\n${summaryTable(ordered.slice(0, rows))}`;
  if (rows < ordered.length) out += `\n\n${md(`… and ${ordered.length - rows} more drill(s) (${tally(ordered.slice(rows))}), left out to fit a pull-request comment.`)}${link ? "" : " See the HTML or JSON report."}`;
  out += linkLine;
  let shown = 0;
  for (const d of ordered) {
    const detail = `\n\n<details><summary>${md(`${OUTCOME_SYMBOL[d.outcome]} ${d.outcome} — ${d.started.scenario.service} · ${d.started.scenario.hazard} · ${d.started.scenario.name}`)}</summary>\n\n${drillDetail(d).join("\n")}\n\n</details>`;
    if (out.length + detail.length + footer.length + 200 > budget) break;
    out += detail;
    shown++;
  }
  if (shown < ordered.length) out += `\n\n${md(`Details of ${ordered.length - shown} drill(s) are left out to fit a pull-request comment`)}${link ? `: ${link}` : "."}`;
  return `${out}${footer}`;
}

/** How many summary rows fit in `chars`. */
function fitRows(drills: readonly DrillModel[], chars: number): number {
  let used = summaryTable([]).length;
  for (let i = 0; i < drills.length; i++) {
    used += summaryTable([drills[i]!]).length - summaryTable([]).length;
    if (used > chars) return i;
  }
  return drills.length;
}

function summaryTable(drills: readonly DrillModel[]): string {
  return mdTable(
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
  );
}

function drillDetail(d: DrillModel): string[] {
  const s = d.started;
  const lines = [
    `### ${OUTCOME_SYMBOL[d.outcome]} ${md(d.outcome)} — ${md(s.scenario.service)} · ${md(s.scenario.hazard)}`,
    "",
    `Scenario ${md(s.scenario.name)} on ${md(`${s.plan.project}/${s.plan.stack}`)}, ${md(when(s.startedAt))}, run on ${md(s.host.hostname)} as ${md(s.host.user)} with ${md(`${s.tool.name} ${s.tool.version}`)}.`,
    "",
    ...exerciseLines(d),
  ];
  if (d.t0 !== undefined) lines.push("", `Fault took effect (t0) at ${md(new Date(s.clockOriginWallMs + d.t0).toISOString().replace("T", " ").slice(0, 23))} UTC${d.faultWindows.length ? `; fault in effect ${md(d.faultWindows.map((w) => `${w.kind} ${wall(s.clockOriginWallMs, w.from)} → ${w.to === undefined ? "never healed" : wall(s.clockOriginWallMs, w.to)}`).join("; "))}` : ""}.`);
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

const wall = (origin: number, t: number) => `${new Date(origin + t).toISOString().slice(11, 23)} UTC`;

/** The exercise record: purpose, scope, people, procedure, deviations. */
function exerciseLines(d: DrillModel): string[] {
  const x = exerciseView(d);
  const waived = Object.entries(x.scope.waived ?? {}).map(([k, why]) => `${k} waived (${why})`);
  return [
    `**Exercise.** ${md(x.scope.purpose.replace(/\.$/, ""))}. Scope: ${md(`${x.scope.service} × ${x.scope.hazard}`)}; objectives under test: ${md(x.scope.objectives.join(", ") || "none declared")}${waived.length ? `; ${md(waived.join("; "))}` : ""}.`,
    `Took part: ${md(participantsText(x.participants))}${x.participantsRecorded ? "" : " (host user)"}.${x.scope.procedure.length ? ` Procedure: ${md(x.scope.procedure.join(" → "))}.` : ""}`,
    "",
    ...reviewLines(d),
    "",
    x.deviations.length ? `**Deviations (${x.deviations.length}):**\n${x.deviations.map((v) => `- ${md(v.text)}`).join("\n")}` : "**Deviations:** none.",
  ];
}

/** The review in force and the follow-up actions, from the record beside the journal. */
function reviewLines(d: DrillModel): string[] {
  const f = d.followup;
  const r = f?.reviews.at(-1);
  const lines = [r ? `**Review:** ${md(r.decision)} by ${md(r.by)}, ${md(when(r.at))}${r.note ? `: ${md(r.note)}` : ""}` : "**Review:** not reviewed yet."];
  for (const a of f?.actions ?? []) lines.push(`- ${a.closed ? "☑" : "☐"} ${code(a.id).value} ${md(a.what)} — ${md(a.owner)}, due ${md(a.due)}${a.closed ? `, closed by ${md(a.closed.by)}` : " (open)"}`);
  return lines;
}

function tally(drills: readonly DrillModel[]): string {
  const counts = new Map<string, number>();
  for (const d of drills) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
  return [...counts.entries()].map(([o, n]) => `${n} ${o}`).join(", ");
}
