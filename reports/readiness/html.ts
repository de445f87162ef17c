// Readiness as an HTML page: the services × hazards matrix, the gaps, and the
// trend of measured RTO and data loss per service. One offline file, like the
// drill reports, and from the same building blocks.
import { humanMs } from "../../core/duration.ts";
import { when } from "../figures.ts";
import { page } from "../html/page.ts";
import { h, raw, table, type Markup } from "../html/tag.ts";
import { trendSvg } from "../svg/trend.ts";
import type { Readiness, ReadinessCell, ServiceRow } from "./types.ts";
import { who } from "./training.ts";

export function renderReadinessHtml(r: Readiness, generator: string): string {
  const title = `Readiness of ${r.plan.project}/${r.plan.stack}`;
  const cells = r.services.flatMap((s) => s.cells);
  const n = (f: string) => cells.filter((c) => c.freshness === f).length;
  const errors = r.gaps.filter((g) => g.severity === "error").length;
  const body = h`<h1>${title}</h1>
<p class="sub">As of ${when(r.asOf)} · ${r.drills} drills in the evidence · target ${r.plan.target}</p>
<p class="chips"><span class="st st-fresh">${n("fresh")} fresh</span> <span class="st st-stale">${n("stale")} stale</span> <span class="st st-never">${n("never")} never exercised</span>
<span class="st st-${errors ? "missed" : "met"}">${errors} gaps to act on</span></p>
<section class="drill"><h3>Services × hazards</h3>${matrix(r)}</section>
<section class="drill"><h3>Gaps</h3>${gapsTable(r)}</section>
<section class="drill"><h3>Reviews and actions</h3>${followupTable(r)}</section>
<section class="drill"><h3>Training: runbooks exercised by people</h3>${trainingTable(r)}</section>
<section class="drill"><h3>Trend per service and hazard</h3><div class="trends">${r.services.flatMap((s) => s.cells.map((c) => trend(r, s, c.hazard)))}</div></section>
${r.ignored.length ? h`<section class="drill"><h3>Journals not counted</h3>${table(["Journal", "Why", "Reason"], r.ignored.map((i) => [i.file, i.kind, i.reason]))}</section>` : ""}
${r.unplanned.length ? h`<section class="drill"><h3>Evidence outside the plan</h3>${table(["Drill", "Service", "Hazard", "When", "Outcome"], r.unplanned.map((d) => [d.drillId, d.service, d.hazard, when(d.startedAt), d.outcome]))}</section>` : ""}`;
  return page(title, body, `${generator} · readiness from journals`);
}

function matrix(r: Readiness): Markup {
  return table(
    ["Service", "Objectives", ...r.hazards.map((hz) => hz.id)],
    r.services.map((s) => [
      h`<b>${s.name}</b><br><span class="note">tier ${s.tier} · ${s.owner}</span>`,
      h`<span class="note">${objectives(s)}</span>`,
      ...r.hazards.map((hz) => {
        const c = s.cells.find((x) => x.hazard === hz.id);
        return c ? cellMarkup(c) : h`<span class="note">not a declared hazard</span>`;
      }),
    ]),
    "matrix",
  );
}

function objectives(s: ServiceRow): string {
  return [s.rtoObjectiveMs !== undefined && `RTO ${humanMs(s.rtoObjectiveMs)}`, s.rpoMs !== undefined && `RPO ${humanMs(s.rpoMs)}`, s.exerciseEveryMs !== undefined && `every ${humanMs(s.exerciseEveryMs)}`].filter(Boolean).join(" · ");
}

function cellMarkup(c: ReadinessCell): Markup {
  const ex = c.lastExercise;
  const figures = ex ? [ex.measuredRtoMs !== undefined && `RTO ${humanMs(ex.measuredRtoMs)}`, ex.dataLossMs !== undefined && `loss ${humanMs(ex.dataLossMs)}`].filter(Boolean).join(" · ") : "";
  return h`<span class="st st-${c.freshness}">${c.freshness === "never" ? "never exercised" : c.changed ? "stale: plan changed" : c.freshness}</span>
${ex ? h`<br><span class="st st-${ex.outcome}">${ex.outcome}</span> ${ex.startedAt.slice(0, 10)}<br><span class="note">${figures}</span>` : ""}
${c.openActions ? h`<br><span class="st st-inconclusive">${c.openActions} open action${c.openActions === 1 ? "" : "s"}</span>` : ""}
${c.last && c.last !== ex ? h`<br><span class="note">latest attempt ${c.last.outcome} ${c.last.startedAt.slice(0, 10)}</span>` : ""}`;
}

function followupTable(r: Readiness): Markup {
  if (!r.followups.length) return h`<p class="note">No reviews or actions recorded, and no failed or inconclusive drill awaiting one.</p>`;
  return table(
    ["Drill", "Outcome", "Review", "Open actions", "Closed"],
    r.followups.map((f) => [
      h`${f.drill.service} · ${f.drill.hazard}<br><span class="note">${f.drill.drillId}</span>`,
      h`<span class="st st-${f.drill.outcome}">${f.drill.outcome}</span>`,
      f.unbound ? h`<span class="st st-missed">review no longer matches the journal</span><br><span class="note">${f.unbound}</span>` : f.review ? h`<b>${f.review.decision}</b> by ${f.review.by}, ${when(f.review.at)}${f.review.note ? h`<br><span class="note">${f.review.note}</span>` : ""}` : h`<span class="st st-inconclusive">not reviewed</span>`,
      f.open.length ? h`<ul class="actions">${f.open.map((a) => h`<li><code>${a.id}</code> ${a.what} — ${a.owner}, due ${a.due}${f.overdue.includes(a) ? h` <span class="st st-missed">overdue</span>` : ""}</li>`)}</ul>` : "none",
      String(f.closed),
    ]),
    "followups",
  );
}

function trainingTable(r: Readiness): Markup {
  return table(
    ["Service", "Manual runbook steps", "Last game day", "Who took part", "Steps done", "Freshness"],
    r.training.map((t) => [
      h`<b>${t.service}</b>`, String(t.manualSteps),
      t.lastTrained ? h`${when(t.lastTrained.startedAt)}<br><span class="note">${t.lastTrained.scenario} · ${t.lastTrained.outcome}</span>` : "—",
      t.lastTrained ? who(t.lastTrained) : "—",
      t.lastTrained ? t.lastTrained.done.map((d) => (d.by ? `${d.step} (${d.by})` : d.step)).join(", ") : "—",
      h`<span class="st st-${t.freshness === "fresh" ? "fresh" : t.freshness === "stale" ? "stale" : "never"}">${t.freshness}</span>`,
    ]),
  );
}

function gapsTable(r: Readiness): Markup {
  if (r.gaps.length === 0) return h`<p>No gaps: every declared hazard has fresh evidence that met its objectives.</p>`;
  return table(["Rule", "Severity", "Service", "Field", "Finding"], r.gaps.map((g) => [g.rule, h`<span class="st st-${g.severity === "error" ? "missed" : g.severity === "warning" ? "inconclusive" : "not-measured"}">${g.severity}</span>`, g.service ?? "", g.field ?? "", g.message]));
}

/** One chart per service × hazard: a line through different hazards would read as a trend it is not. */
function trend(r: Readiness, s: ServiceRow, hazard: string): Markup {
  const drills = (r.trend[s.name] ?? []).filter((d) => d.hazard === hazard);
  return h`<figure class="chart-box"><figcaption class="view">${s.name} · ${hazard}</figcaption>${drills.length ? raw(trendSvg(`${s.name} · ${hazard}`, drills, s)) : h`<p class="note">No exercises yet.</p>`}</figure>`;
}
