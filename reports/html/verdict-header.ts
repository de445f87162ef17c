// The top of a drill's section: the outcome, big and coloured, and the facts a
// reviewer needs to know what was exercised — service, hazard, scenario, stack,
// when, by whom, with which tool.
import { humanMs } from "../../core/duration.ts";
import { OUTCOME_SYMBOL, OUTCOME_TONE, verdictPhrase, when } from "../figures.ts";
import type { DrillModel } from "../model/drill-model.ts";
import { exerciseView, participantsText } from "../model/exercise.ts";
import { wallClock } from "./log.ts";
import { facts, h, type Markup } from "./tag.ts";

export function verdictHeader(d: DrillModel, id: string): Markup {
  const s = d.started;
  const hazard = [s.scenario.hazard, d.hazard.title && `— ${d.hazard.title}`].filter(Boolean).join(" ");
  const repeat = s.repeat ? ` (run ${s.repeat.index} of ${s.repeat.of})` : "";
  return h`<header class="verdict tone-${OUTCOME_TONE[d.outcome]}">
<div class="badge" data-outcome="${d.outcome}">${OUTCOME_SYMBOL[d.outcome]} ${d.outcome}</div>
<div class="what"><h2 id="${id}">${s.scenario.service} · ${s.scenario.hazard}</h2>
<p>scenario <b>${s.scenario.name}</b>${repeat} · ${when(s.startedAt)}</p>
${d.reason ? h`<p class="reason">${d.reason}</p>` : ""}
<p class="chips">${(d.summary?.verdicts ?? []).map((v) => h`<span class="st st-${v.status}">${v.status === "met" ? "✔" : v.status === "missed" ? "✘" : "–"} ${verdictPhrase(v)}</span> `)}</p></div>
</header>
${facts([
    ["Service", s.scenario.service],
    ["Hazard", hazard],
    ["Scenario", h`${s.scenario.name} <span class="note">(${s.scenario.file})</span>`],
    ["What it does", s.scenario.description],
    ["Stack", `${s.plan.project}/${s.plan.stack} (target ${s.plan.target})`],
    ["When", `${when(s.startedAt)}${d.summary ? ` → ${when(d.summary.endedAt)} (${humanMs(d.summary.durationMs)})` : ""}`],
    ["Took part", `${participantsText(exerciseView(d).participants)} · run on ${s.host.hostname} as ${s.host.user}`],
    ["Fault in effect", d.faultWindows.map((w) => `${w.kind} ${wallClock(d, w.from)} → ${w.to === undefined ? "never healed" : wallClock(d, w.to)}`).join("; ") || undefined],
    ["t0", d.t0 === undefined ? undefined : `${wallClock(d, d.t0)} (${new Date(s.clockOriginWallMs + d.t0).toISOString().slice(0, 10)})`],
    ["Tool", `${s.tool.name} ${s.tool.version}`],
    ["Drill id", h`<code>${s.drillId}</code>`],
  ])}`;
}
