// The continuity plan as a document (ISO/IEC 20000-1 service continuity plan,
// CMMI-SVC SCON): business impact, risk register, objectives, strategies,
// procedures, dependencies, exercise schedule and training — with the plan's
// digest, the one every drill's journal records, so a reviewer can see which
// version of the plan each exercise tested.
import { humanMs, parseDuration } from "../../core/duration.ts";
import { digestOf } from "../../journal/identity.ts";
import type { PlanT, ServiceT } from "../../stacks/lib/schema.ts";
import { when } from "../figures.ts";
import { scheduleRows } from "../readiness/schedule.ts";
import { who } from "../readiness/training.ts";
import type { Readiness } from "../readiness/types.ts";
import { page } from "./page.ts";
import { facts, h, table, type Markup } from "./tag.ts";

/** "30 s" from "30s": objectives with their unit, as every report writes durations. */
export const dur = (d: string | undefined) => (d === undefined ? "—" : humanMs(parseDuration(d)));

export interface PlanDocumentOptions {
  /** Where the plan was read from (program, file, deployed stack). */
  origin: string;
  /** Readiness from the evidence, for the schedule's last/next dates and training; absent: plan only. */
  readiness?: Readiness;
  generator: string;
  /**
   * The digest of the plan as drills see it, when the plan rendered is not that plan
   * (secret config values masked for display): journals record the unmasked plan's digest.
   */
  planDigest?: string;
}

export function renderPlanHtml(plan: PlanT, o: PlanDocumentOptions): string {
  const title = `Continuity plan: ${plan.project}/${plan.stack}`;
  const byHazard = new Map<string, { title: string; rows: [ServiceT, ServiceT["hazards"][number]][] }>();
  for (const s of plan.services) for (const hz of s.hazards) {
    const e = byHazard.get(hz.id) ?? { title: hz.title, rows: [] };
    e.rows.push([s, hz]);
    byHazard.set(hz.id, e);
  }
  const body = h`<h1>${title}</h1>
<p class="sub">The plan as declared in code, rendered by continuity-drill. Every drill's journal records the plan digest it exercised.</p>
<section class="drill plan-doc"><h3>Plan identity</h3>${facts([
    ["Project / stack", `${plan.project}/${plan.stack}`], ["Target", `${plan.target}${plan.region ? ` (${plan.region})` : ""}`],
    ["Plan digest", h`<code>${o.planDigest ?? digestOf(plan)}</code>`], ["Read from", o.origin], ["Services", String(plan.services.length)],
    ["Evidence", o.readiness ? `${o.readiness.drills} drills, as of ${when(o.readiness.asOf)}` : "none given (--evidence DIR adds last and next exercise dates and training)"],
  ])}</section>
<section class="drill plan-doc"><h3>1. Business impact</h3>${table(["Service", "Tier", "Owner", "What it does", "MTPD", "Minimum service while disrupted", "Depends on"], plan.services.map((s) => [
    h`<b>${s.name}</b>`, String(s.tier), s.owner, s.description, dur(s.objectives.mtpd),
    s.objectives.minAvailability === undefined ? "—" : `${s.objectives.minAvailability} % of requests succeed`,
    s.dependsOn.map((d) => `${d.service} (${d.kind}${d.degradedMode ? `; degraded: ${d.degradedMode}` : ""})`).join("; ") || "—",
  ]))}</section>
<section class="drill plan-doc"><h3>2. Risk register</h3>${table(["Hazard", "Title", "Service", "Likelihood", "Impact"], [...byHazard.entries()].flatMap(([id, e]) => e.rows.map(([s, hz]) => [id, hz.title, s.name, hz.likelihood, hz.impact])))}</section>
<section class="drill plan-doc"><h3>3. Objectives</h3>${table(["Service", "RTO (recovery time)", "RPO (data-loss window)", "MTPD", "Min. availability", "Exercised every"], plan.services.map((s) => [
    h`<b>${s.name}</b>`, dur(s.objectives.rto), dur(s.objectives.rpo), dur(s.objectives.mtpd), s.objectives.minAvailability === undefined ? "—" : `${s.objectives.minAvailability} %`, dur(s.objectives.exerciseEvery),
  ]))}</section>
<section class="drill plan-doc"><h3>4. Strategies: failover</h3>${table(["Service", "Target", "Kind", "Mechanism", "Via", "Replication", "Primary → standbys"], plan.services.flatMap((s) => s.failoverTargets.map((t) => [
    s.name, t.name, t.kind, t.mechanism, t.via ?? "—", t.replication ?? "—", `${t.primary} → ${t.standbys.join(", ") || "none"}`,
  ])))}</section>
<section class="drill plan-doc"><h3>5. Procedures: runbooks</h3>${plan.services.map((s) => h`<p><b>${s.name}</b></p>${s.runbook.length
    ? h`<ol class="runbook">${s.runbook.map((r) => h`<li>${r.step} <span class="note">${[r.role, r.automated ? "automated" : "manual", r.target && `within ${dur(r.target)}`].filter(Boolean).join(" · ")}</span></li>`)}</ol>`
    : h`<p class="note">No runbook declared.</p>`}`)}</section>
<section class="drill plan-doc"><h3>6. Exercise schedule</h3>${schedule(plan, o.readiness)}</section>
<section class="drill plan-doc"><h3>7. Training: runbooks exercised by people</h3>${o.readiness ? table(["Service", "Manual steps", "Last game day", "Who took part", "Freshness"], o.readiness.training.map((t) => [
    t.service, String(t.manualSteps), t.lastTrained ? when(t.lastTrained.startedAt) : "—", t.lastTrained ? who(t.lastTrained) : "—", t.freshness,
  ])) : h`<p class="note">No evidence given.</p>`}</section>`;
  return page(title, body, `${o.generator} · plan digest ${(o.planDigest ?? digestOf(plan)).slice(0, 12)}`);
}

function schedule(plan: PlanT, r: Readiness | undefined): Markup {
  return table(["Service", "Hazard", "Exercise every", "Last exercised", "Next due", "Due now because"], scheduleRows(plan, r).map((x) => [
    x.service, x.hazard, x.every ? dur(x.every) : "not set",
    x.lastExercised ? `${when(x.lastExercised)} (${x.lastOutcome})` : r ? "never" : "—",
    x.dueBecause ? h`<span class="st st-stale">now</span>` : x.dueAt ? when(x.dueAt) : "—",
    x.dueBecause ?? "",
  ]));
}
