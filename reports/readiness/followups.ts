// Reviews and actions in readiness: which drills that failed or were
// inconclusive nobody has reviewed, which actions are open, and which are past
// their due day. Read from the follow-up files beside the journals; a journal
// is hashed only when it has one.
import { existsSync } from "node:fs";
import { bindingProblem, currentReview, followupFile, openActions, parseFollowupFile, type ActionT, type FollowupT, type ReviewT } from "../../journal/followup.ts";
import { hashFile } from "../../journal/hash.ts";
import type { Journal } from "../../journal/read.ts";
import type { ReadinessDrill, Gap } from "./types.ts";

/**
 * A follow-up file bound to a journal that is no longer the one reviewed (it
 * changed after its review, or the file names another drill): a finding about
 * that drill (R13), not bad input for the whole evidence tree.
 */
export interface UnboundFollowup { unbound: string }
export type FollowupEntry = FollowupT | UnboundFollowup;
const isUnbound = (f: FollowupEntry | undefined): f is UnboundFollowup => f !== undefined && "unbound" in f;

/**
 * Follow-ups by journal file, for the journals that have one. A file that does
 * not parse is bad input (DrillError "input", exit 2, naming file and field);
 * one bound to another journal is kept as an UnboundFollowup.
 */
export async function readFollowups(journals: readonly Journal[]): Promise<Map<string, FollowupEntry>> {
  const out = new Map<string, FollowupEntry>();
  for (const j of journals) {
    if (!existsSync(followupFile(j.file))) continue;
    const f = parseFollowupFile(j.file);
    if (!f) continue;
    const problem = bindingProblem(f, j.file, { drillId: j.started.drillId, sha256: j.sha256 ?? (await hashFile(j.file)).sha256 });
    out.set(j.file, problem ? { unbound: `${followupFile(j.file)}: ${problem.field}: ${problem.message}` } : f);
  }
  return out;
}

/** One drill's follow-up as readiness lists it. */
export interface FollowupRow {
  drill: ReadinessDrill;
  review?: ReviewT;
  /** Why the drill's follow-up file no longer counts (its journal changed after review …). */
  unbound?: string;
  open: ActionT[];
  overdue: ActionT[];
  closed: number;
}

const NEEDS_REVIEW = new Set(["failed", "inconclusive", "error"]);

export function followupRows(refs: readonly ReadinessDrill[], followups: ReadonlyMap<string, FollowupEntry>, now: Date): FollowupRow[] {
  return refs.flatMap((drill): FollowupRow[] => {
    const entry = followups.get(drill.file);
    if (isUnbound(entry)) return [{ drill, unbound: entry.unbound, open: [], overdue: [], closed: 0 }];
    const f = entry;
    if (!f && !NEEDS_REVIEW.has(drill.outcome)) return [];
    const { open, overdue } = openActions(f, now);
    const review = currentReview(f);
    return [{ drill, ...(review ? { review } : {}), open, overdue, closed: (f?.actions.length ?? 0) - open.length }];
  });
}

/**
 * R11 a failed, inconclusive or errored drill nobody has reviewed (warning);
 * R12 an open action (info), or past its due day (error);
 * R13 a review that no longer matches its journal (error): the journal changed
 * after it was reviewed, so neither the review nor its actions count.
 */
export function followupGaps(rows: readonly FollowupRow[]): Gap[] {
  const gaps: Gap[] = [];
  for (const r of rows) {
    const d = r.drill;
    const where = `${d.service} / ${d.hazard}`;
    if (r.unbound) gaps.push({ rule: "R13", severity: "error", service: d.service, hazard: d.hazard, drill: d, message: `${where}: the review of drill ${d.drillId} no longer counts: ${r.unbound}` });
    if (!r.review && NEEDS_REVIEW.has(d.outcome)) gaps.push({ rule: "R11", severity: "warning", service: d.service, hazard: d.hazard, drill: d, message: `${where}: drill ${d.drillId} ended ${d.outcome} (${d.startedAt.slice(0, 10)}) and has no review` });
    for (const a of r.open) {
      const late = r.overdue.includes(a);
      gaps.push({ rule: "R12", severity: late ? "error" : "info", service: d.service, hazard: d.hazard, drill: d, message: `${where}: action ${a.id} ${late ? "overdue" : "open"}: ${a.what} — ${a.owner}, due ${a.due}` });
    }
  }
  return gaps;
}
