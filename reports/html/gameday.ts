// Game-day extras, when a journal has them: who took part, how long each manual
// step took against its target, and the lessons learned. Read loosely: journals
// from before these optional fields simply have none.
import { humanMs } from "../../core/duration.ts";
import type { DrillModel } from "../model/drill-model.ts";
import { h, table, type Markup } from "./tag.ts";

interface Extras {
  participants: { name: string; role?: string }[];
  steps: { step: string; outcome: string; durationMs?: number; targetMs?: number; by?: string; note?: string }[];
  lessons: string[];
}

function extras(d: DrillModel): Extras {
  const g = (d.started as { gameday?: { participants?: Extras["participants"] } }).gameday;
  const s = d.summary as { steps?: Extras["steps"]; lessons?: string[] } | undefined;
  return { participants: g?.participants ?? [], steps: s?.steps ?? [], lessons: s?.lessons ?? [] };
}

export function gamedayBlock(d: DrillModel): Markup {
  const x = extras(d);
  if (!x.participants.length && !x.steps.length && !x.lessons.length) return h``;
  const ms = (v: number | undefined) => (v === undefined ? "—" : humanMs(v));
  return h`<h3>Game day</h3>
${x.participants.length ? h`<p>Participants: ${x.participants.map((p) => `${p.name}${p.role ? ` (${p.role})` : ""}`).join(", ")}</p>` : ""}
${x.steps.length ? table(["Manual step", "Outcome", "Took", "Target", "By", "Note"], x.steps.map((s) => [s.step, h`<span class="st st-${s.outcome === "acknowledged" ? "met" : "missed"}">${s.outcome}</span>`, ms(s.durationMs), ms(s.targetMs), s.by ?? "", s.note ?? ""])) : ""}
${x.lessons.length ? h`<p><b>Lessons learned</b></p><ul>${x.lessons.map((l) => h`<li>${l}</li>`)}</ul>` : ""}`;
}
