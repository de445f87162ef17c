// Reviews and actions in readiness: which drills that failed or were
// inconclusive nobody has reviewed, which actions are open, and which are past
// their due day. Read from the follow-up files beside the journals; a journal
// is hashed only when it has one.
import { existsSync } from "node:fs";
import { currentReview, followupFile, openActions, readFollowup, type ActionT, type FollowupT, type ReviewT } from "../../journal/followup.ts";
import { hashFile } from "../../journal/hash.ts";
import type { Journal } from "../../journal/read.ts";
import type { ReadinessDrill, Gap } from "./types.ts";

/** Follow-ups by journal file, for the journals that have one (a bad or mis-bound file is bad input). */
export async function readFollowups(journals: readonly Journal[]): Promise<Map<string, FollowupT>> {
  const out = new Map<string, FollowupT>();
  for (const j of journals) {
    if (!existsSync(followupFile(j.file))) continue;
    const f = readFollowup(j.file, { drillId: j.started.drillId, sha256: j.sha256 ?? (await hashFile(j.file)).sha256 });
    if (f) out.set(j.file, f);
  }
  return out;
}

/** One drill's follow-up as readiness lists it. */
export interface FollowupRow {
  drill: ReadinessDrill;
  review?: ReviewT;
  open: ActionT[];
  overdue: ActionT[];
  closed: number;
}

const NEEDS_REVIEW = new Set(["failed", "inconclusive", "error"]);

export function followupRows(refs: readonly ReadinessDrill[], followups: ReadonlyMap<string, FollowupT>, now: Date): FollowupRow[] {
  return refs.flatMap((drill) => {
    const f = followups.get(drill.file);
    if (!f && !NEEDS_REVIEW.has(drill.outcome)) return [];
    const { open, overdue } = openActions(f, now);
    const review = currentReview(f);
    return [{ drill, ...(review ? { review } : {}), open, overdue, closed: (f?.actions.length ?? 0) - open.length }];
  });
}

/**
 * R11 a failed, inconclusive or errored drill nobody has reviewed (warning);
 * R12 an open action (info), or past its due day (error).
 */
export function followupGaps(rows: readonly FollowupRow[]): Gap[] {
  const gaps: Gap[] = [];
  for (const r of rows) {
    const d = r.drill;
    const where = `${d.service} / ${d.hazard}`;
    if (!r.review && NEEDS_REVIEW.has(d.outcome)) gaps.push({ rule: "R11", severity: "warning", service: d.service, hazard: d.hazard, drill: d, message: `${where}: drill ${d.drillId} ended ${d.outcome} (${d.startedAt.slice(0, 10)}) and has no review` });
    for (const a of r.open) {
      const late = r.overdue.includes(a);
      gaps.push({ rule: "R12", severity: late ? "error" : "info", service: d.service, hazard: d.hazard, drill: d, message: `${where}: action ${a.id} ${late ? "overdue" : "open"}: ${a.what} — ${a.owner}, due ${a.due}` });
    }
  }
  return gaps;
}
