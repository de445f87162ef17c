// One drill's section of the HTML report, top to bottom in the order a reviewer
// asks: did it pass, against which objectives, what did clients see, what data
// was lost, what was the plan, what happened when, and where did it run.
import type { DrillModel } from "../model/drill-model.ts";
import { ledgerBlock, timelineBlock } from "./charts.ts";
import { planContextBlock } from "./context.ts";
import { exerciseBlock } from "./exercise.ts";
import { reviewBlock } from "./review.ts";
import { gamedayBlock } from "./gameday.ts";
import { environment, identity, phaseLog } from "./log.ts";
import { ledgersTable, objectivesTable, probesTable } from "./objectives.ts";
import { h, type Markup } from "./tag.ts";
import { verdictHeader } from "./verdict-header.ts";

export function drillSection(d: DrillModel, id: string): Markup {
  return h`<section class="drill" data-service="${d.started.scenario.service}" data-outcome="${d.outcome}">
${verdictHeader(d, id)}
<h3>Objectives</h3>
${objectivesTable(d)}
${exerciseBlock(d)}
${reviewBlock(d)}
<h3>Timeline</h3>
${timelineBlock(d)}
${probesTable(d)}
<h3>Writes and data loss</h3>
${ledgerBlock(d)}
${ledgersTable(d)}
<h3>Failover target and plan context</h3>
${planContextBlock(d)}
${gamedayBlock(d)}
<h3>Phase log</h3>
${phaseLog(d)}
<h3>Environment and evidence</h3>
${environment(d)}
<h3>What this drill exercised</h3>
${identity(d)}
</section>`;
}
