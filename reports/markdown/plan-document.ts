// The continuity plan as a Markdown document (a wiki page, a PR): the same
// sections and the same figures as the HTML plan document.
import { digestOf } from "../../journal/identity.ts";
import type { PlanT } from "../../stacks/lib/schema.ts";
import { when } from "../figures.ts";
import { dur, type PlanDocumentOptions } from "../html/plan-document.ts";
import { scheduleRows } from "../readiness/schedule.ts";
import { who } from "../readiness/training.ts";
import { md } from "../safe/escape.ts";
import { bold, code, mdTable } from "./table.ts";

export function renderPlanMarkdown(plan: PlanT, o: PlanDocumentOptions): string {
  const r = o.readiness;
  const out = [
    `# Continuity plan: ${md(`${plan.project}/${plan.stack}`)}`, "",
    `Target ${md(plan.target)}${plan.region ? ` (${md(plan.region)})` : ""} · plan digest ${code(o.planDigest ?? digestOf(plan)).value} · read from ${md(o.origin)}${r ? ` · evidence: ${r.drills} drills as of ${md(when(r.asOf))}` : ""}`, "",
    "## 1. Business impact", "",
    mdTable(["Service", "Tier", "Owner", "What it does", "MTPD", "Minimum service", "Depends on"], plan.services.map((s) => [
      bold(s.name), String(s.tier), s.owner, s.description || "—", dur(s.objectives.mtpd),
      s.objectives.minAvailability === undefined ? "—" : `${s.objectives.minAvailability} % of requests succeed`,
      s.dependsOn.map((d) => `${d.service} (${d.kind}${d.degradedMode ? `; degraded: ${d.degradedMode}` : ""})`).join("; ") || "—",
    ])), "",
    "## 2. Risk register", "",
    mdTable(["Hazard", "Title", "Service", "Likelihood", "Impact"], plan.services.flatMap((s) => s.hazards.map((h) => [h.id, h.title, s.name, h.likelihood, h.impact])).sort((a, b) => a[0]!.localeCompare(b[0]!))), "",
    "## 3. Objectives", "",
    mdTable(["Service", "RTO", "RPO", "MTPD", "Min. availability", "Exercised every"], plan.services.map((s) => [
      bold(s.name), dur(s.objectives.rto), dur(s.objectives.rpo), dur(s.objectives.mtpd), s.objectives.minAvailability === undefined ? "—" : `${s.objectives.minAvailability} %`, dur(s.objectives.exerciseEvery),
    ])), "",
    "## 4. Strategies: failover", "",
    mdTable(["Service", "Target", "Kind", "Mechanism", "Via", "Replication", "Primary → standbys"], plan.services.flatMap((s) => s.failoverTargets.map((t) => [
      s.name, t.name, t.kind, t.mechanism, t.via ?? "—", t.replication ?? "—", `${t.primary} → ${t.standbys.join(", ") || "none"}`,
    ]))), "",
    "## 5. Procedures: runbooks", "",
    ...plan.services.flatMap((s) => [`**${md(s.name)}**`, "", ...(s.runbook.length
      ? s.runbook.map((st, i) => `${i + 1}. ${md(st.step)} — ${md([st.role, st.automated ? "automated" : "manual", st.target && `within ${dur(st.target)}`].filter(Boolean).join(" · "))}`)
      : ["No runbook declared."]), ""]),
    "## 6. Exercise schedule", "",
    mdTable(["Service", "Hazard", "Exercise every", "Last exercised", "Next due", "Due now because"], scheduleRows(plan, r).map((x) => [
      x.service, x.hazard, x.every ? dur(x.every) : "not set", x.lastExercised ? `${when(x.lastExercised)} (${x.lastOutcome})` : r ? "never" : "—",
      x.dueBecause ? "now" : x.dueAt ? when(x.dueAt) : "—", x.dueBecause ?? "",
    ])), "",
    "## 7. Training: runbooks exercised by people", "",
    r ? mdTable(["Service", "Manual steps", "Last game day", "Who took part", "Freshness"], r.training.map((t) => [t.service, String(t.manualSteps), t.lastTrained ? when(t.lastTrained.startedAt) : "—", t.lastTrained ? who(t.lastTrained) : "—", t.freshness])) : "No evidence given.",
    "", `<sub>${md(o.generator)}</sub>`, "",
  ];
  return out.join("\n");
}
