// The review of a drill and its follow-up actions, from the record beside the
// journal: who reviewed, what they decided and why, and each action with its
// owner, due date and whether it is closed. Nothing here depends on today's
// date, so re-rendering stays byte-identical; overdue is readiness' judgement.
import type { DrillModel } from "../model/drill-model.ts";
import { when } from "../figures.ts";
import { h, table, type Markup } from "./tag.ts";

const TONE = { accepted: "met", rejected: "missed", "needs-action": "inconclusive" } as const;

export function reviewBlock(d: DrillModel): Markup {
  const f = d.followup;
  if (!f || (!f.reviews.length && !f.actions.length)) {
    return h`<h3>Review and actions</h3><p class="note review-none">Not reviewed yet: <code>drill review ${d.name} --decision accepted|rejected|needs-action</code>.</p>`;
  }
  const open = f.actions.filter((a) => !a.closed).length;
  return h`<h3>Review and actions</h3>
${f.reviews.length ? table(["Reviewed", "By", "Decision", "Note"], f.reviews.map((r) => [when(r.at), r.by, h`<span class="st st-${TONE[r.decision]}">${r.decision}</span>`, r.note]), "reviews") : h`<p class="note">Not reviewed yet.</p>`}
${f.actions.length ? h`<p><b>Actions</b>: ${open} open, ${f.actions.length - open} closed</p>${table(["Action", "What", "Owner", "Due", "Status"], f.actions.map((a) => [h`<code>${a.id}</code>`, a.what, a.owner, a.due, a.closed ? h`<span class="st st-met">closed</span> ${when(a.closed.at)} by ${a.closed.by}${a.closed.note ? `: ${a.closed.note}` : ""}` : h`<span class="st st-inconclusive">open</span>`]), "actions")}` : ""}
<p class="note">Bound to the journal's SHA-256 <code>${f.journal.sha256}</code>.</p>`;
}
