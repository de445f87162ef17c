// The plan context a drill ran under (from drill-started.service, as it was then):
// failover targets, dependencies, runbook, and the faults that were injected.
import { humanMs } from "../../core/duration.ts";
import type { DrillModel } from "../model/drill-model.ts";
import { facts, h, table, type Markup } from "./tag.ts";

const json = (v: unknown) => h`<code>${v === undefined ? "" : JSON.stringify(v)}</code>`;

function objectives(o: DrillModel["started"]["objectivesMs"]): string {
  const parts = [
    o.rto !== undefined && `RTO ${humanMs(o.rto)}`,
    o.rpo !== undefined && `RPO ${humanMs(o.rpo)}`,
    o.mtpd !== undefined && `MTPD ${humanMs(o.mtpd)}`,
    o.minAvailability !== undefined && `availability ≥ ${o.minAvailability} % while disrupted`,
    o.exerciseEvery !== undefined && `exercised every ${humanMs(o.exerciseEvery)}`,
  ];
  return parts.filter(Boolean).join(" · ") || "none declared";
}

export function planContextBlock(d: DrillModel): Markup {
  const c = d.context;
  const o = d.started.objectivesMs;
  return h`${facts([
    ["Tier", c.tier],
    ["Owner", c.owner],
    ["Description", c.description],
    ["Hazard", d.hazard.title && `${d.hazard.title} (likelihood ${d.hazard.likelihood ?? "?"}, impact ${d.hazard.impact ?? "?"})`],
    ["Objectives", objectives(o)],
  ])}
${c.failoverTargets.length ? table(
    ["Failover target", "Kind", "Mechanism", "Via", "Replication", "Primary → standbys"],
    c.failoverTargets.map((t) => [t.name, t.kind ?? "", t.mechanism ?? "", t.via ?? "", t.replication ?? "", `${t.primary ?? "?"} → ${t.standbys.join(", ") || "none"}`]),
  ) : h`<p class="note">The plan entry names no failover target.</p>`}
${c.dependsOn.length ? table(["Depends on", "Kind", "Degraded mode"], c.dependsOn.map((x) => [x.service, x.kind ?? "", x.degradedMode ?? ""])) : ""}
${c.runbook.length ? h`<ol class="runbook">${c.runbook.map((r) => h`<li>${r.step} <span class="note">${[r.role, r.automated === undefined ? "" : r.automated ? "automated" : "manual", r.target && `within ${r.target}`].filter(Boolean).join(" · ")}</span></li>`)}</ol>` : h`<p class="note">No runbook in the plan entry.</p>`}
${table(["Fault", "Target", "Duration", "Parameters"], d.started.faults.map((f) => [f.kind, json(f.target), f.durationMs === undefined ? "until healed" : `${f.durationMs} ms`, json(f.params)]))}`;
}
