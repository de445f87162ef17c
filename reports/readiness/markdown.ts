// Readiness as Markdown for a wiki page or a pull request: the matrix and the gaps.
import { humanMs } from "../../core/duration.ts";
import { md } from "../safe/escape.ts";
import { bold, mdTable, MdRaw } from "../markdown/table.ts";
import type { Readiness, ReadinessCell } from "./types.ts";
import { who } from "./training.ts";

const ICON = { fresh: "🟢", stale: "🟠", never: "⚪" } as const;

export function renderReadinessMarkdown(r: Readiness, generator: string): string {
  const out = [`## Readiness of ${md(`${r.plan.project}/${r.plan.stack}`)}`, "", `As of ${md(r.asOf.slice(0, 19).replace("T", " "))} UTC, from ${r.drills} drills.`, ""];
  out.push(mdTable(
    ["Service", ...r.hazards.map((h) => h.id)],
    r.services.map((s) => [bold(s.name), ...r.hazards.map((h) => {
      const c = s.cells.find((x) => x.hazard === h.id);
      return c ? new MdRaw(cellText(c)) : "n/a";
    })]),
  ));
  out.push("", "### Training: runbooks exercised by people", "");
  out.push(mdTable(["Service", "Manual steps", "Last game day", "Who", "Freshness"], r.training.map((t) => [
    bold(t.service), String(t.manualSteps), t.lastTrained ? `${t.lastTrained.startedAt.slice(0, 10)} ${t.lastTrained.scenario}` : "—", t.lastTrained ? who(t.lastTrained) : "—", t.freshness,
  ])));
  out.push("", "### Reviews and actions", "");
  if (!r.followups.length) out.push("No reviews or actions recorded, and no failed or inconclusive drill awaiting one.");
  else out.push(mdTable(["Drill", "Outcome", "Review", "Open actions", "Closed"], r.followups.map((f) => [
    `${f.drill.service} · ${f.drill.hazard} (${f.drill.drillId})`, f.drill.outcome,
    f.unbound ? `review no longer matches the journal: ${f.unbound}` : f.review ? `${f.review.decision} by ${f.review.by}${f.review.note ? `: ${f.review.note}` : ""}` : "not reviewed",
    f.open.map((a) => `${a.id} ${a.what} — ${a.owner}, due ${a.due}${f.overdue.includes(a) ? " (overdue)" : ""}`).join("; ") || "none",
    String(f.closed),
  ])));
  out.push("", `### Gaps (${r.gaps.length})`, "");
  if (r.gaps.length === 0) out.push("None: every declared hazard has fresh evidence that met its objectives.");
  else out.push(mdTable(["Rule", "Severity", "Service", "Finding"], r.gaps.map((g) => [g.rule, g.severity, g.service ?? "", g.message])));
  if (r.ignored.length) {
    out.push("", `### Journals not counted (${r.ignored.length})`, "");
    out.push(mdTable(["Journal", "Why", "Reason"], r.ignored.map((i) => [i.file, i.kind, i.reason])));
  }
  out.push("", `<sub>${md(generator)}</sub>`, "");
  return out.join("\n");
}

function cellText(c: ReadinessCell): string {
  const ex = c.lastExercise;
  if (!ex) return `${ICON.never} never exercised`;
  const figures = [ex.measuredRtoMs !== undefined && `RTO ${humanMs(ex.measuredRtoMs)}`, ex.dataLossMs !== undefined && `loss ${humanMs(ex.dataLossMs)}`].filter(Boolean).join(", ");
  return `${ICON[c.freshness]} ${md(c.changed ? "stale (plan changed)" : c.freshness)}: ${md(ex.outcome)} ${md(ex.startedAt.slice(0, 10))}${figures ? ` (${md(figures)})` : ""}${c.openActions ? `, ${c.openActions} open action(s)` : ""}`;
}
