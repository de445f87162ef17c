// The exercise record in the HTML report: the purpose and scope of the drill,
// who took part, the procedure followed, and the deviations found — what a
// reviewer of a continuity exercise asks before looking at a single chart.
import { OBJECTIVE_SHORT } from "../figures.ts";
import type { DrillModel } from "../model/drill-model.ts";
import { exerciseView, participantsText } from "../model/exercise.ts";
import { facts, h, type Markup } from "./tag.ts";

const objectiveName = (k: string) => OBJECTIVE_SHORT[k as keyof typeof OBJECTIVE_SHORT] ?? k;

export function exerciseBlock(d: DrillModel): Markup {
  const x = exerciseView(d);
  const waived = Object.entries(x.scope.waived ?? {});
  return h`<h3>Exercise record</h3>
<div class="exercise">${facts([
    ["Purpose", x.scope.purpose],
    ["Scope", `service ${x.scope.service}, hazard ${x.scope.hazard}`],
    ["Objectives under test", x.scope.objectives.map(objectiveName).join(", ") || "none declared"],
    ["Out of scope", waived.length ? waived.map(([k, why]) => `${objectiveName(k)} (waived: ${why})`).join("; ") : undefined],
    ["Procedure", x.scope.procedure.length ? h`<ol class="procedure">${x.scope.procedure.map((p) => h`<li>${p}</li>`)}</ol>` : "the plan entry has no runbook"],
    ["Participants", `${participantsText(x.participants)}${x.participantsRecorded ? "" : " (the host user; the journal predates the exercise record)"}`],
  ])}
<p><b>Deviations</b> (${x.deviations.length})</p>
${x.deviations.length ? h`<ul class="deviations">${x.deviations.map((v) => h`<li data-kind="${v.kind}">${v.text}</li>`)}</ul>` : h`<p class="note">None: every objective under test was met, the fault was confirmed and healed, and no step overran.</p>`}</div>`;
}
