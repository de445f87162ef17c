// Reviews and follow-up actions of a drill: records beside its journal, never
// in it (journals are immutable evidence). One file per journal,
// `<journal name>.followup.json`, bound to that journal by its drill id and the
// SHA-256 of its bytes, so a review can never be read as another drill's and a
// journal edited after its review shows up as such. The CLI writes it
// (`drill review`, `drill action add|done`); reports and readiness read it.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../core/atomic-write.ts";
import { inputError } from "../core/errors.ts";
import { readFirstLine } from "./first-line.ts";
import { hashFile } from "./hash.ts";

export const FOLLOWUP_FORMAT = "continuity-drill/followup";
export const DECISIONS = ["accepted", "rejected", "needs-action"] as const;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date YYYY-MM-DD" });
const Instant = z.string().datetime({ message: "expected an ISO 8601 instant" });

export const Review = z.strictObject({
  by: z.string().min(1),
  decision: z.enum(DECISIONS),
  note: z.string(),
  at: Instant,
});

export const Action = z.strictObject({
  /** `A-<first 8 hex of the journal's SHA-256>-<n>`: unique across evidence, and names its drill. */
  id: z.string().regex(/^A-[0-9a-f]{8}-\d+$/, { message: "expected an action id like A-1a2b3c4d-1" }),
  what: z.string().min(1),
  owner: z.string().min(1),
  due: Day,
  openedBy: z.string().min(1),
  openedAt: Instant,
  closed: z.strictObject({ by: z.string().min(1), at: Instant, note: z.string().optional() }).optional(),
});

export const Followup = z.strictObject({
  format: z.literal(FOLLOWUP_FORMAT),
  version: z.literal(1),
  journal: z.strictObject({ file: z.string().min(1), drillId: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** In the order given; the last one is the current decision. */
  reviews: z.array(Review),
  actions: z.array(Action),
});

export type ReviewT = z.infer<typeof Review>;
export type ActionT = z.infer<typeof Action>;
export type FollowupT = z.infer<typeof Followup>;

/** The follow-up file of a journal: `x.jsonl` → `x.followup.json` (not *.jsonl, so never taken for a journal). */
export const followupFile = (journal: string) => join(dirname(journal), `${basename(journal).replace(/\.jsonl$/, "")}.followup.json`);

/**
 * Reads and checks the follow-up of `journal` (whose drill id and SHA-256 the
 * caller knows); undefined when there is none. A file that does not parse, or
 * that is bound to another journal, is bad input (DrillError "input", exit 2)
 * naming the file and the field — for the commands that act on that one drill.
 * Readiness reads many: it uses parseFollowupFile and bindingProblem, and makes
 * a binding problem a finding about that drill (R13).
 */
export function readFollowup(journal: string, bound: { drillId: string; sha256: string }): FollowupT | undefined {
  const f = parseFollowupFile(journal);
  const problem = f && bindingProblem(f, journal, bound);
  if (problem) throw inputError(`${followupFile(journal)}: ${problem.field}: ${problem.message}`, { file: followupFile(journal), field: problem.field });
  return f;
}

/** The follow-up file of `journal`, parsed and checked by its schema; undefined when there is none. Bad input throws (file and field named). */
export function parseFollowupFile(journal: string): FollowupT | undefined {
  const file = followupFile(journal);
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw inputError(`${file}: not JSON (${(error as Error).message})`, { file }, error);
  }
  const parsed = Followup.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "(top level)";
    throw inputError(`${file}: ${field}: ${issue.message}`, { file, field });
  }
  return parsed.data;
}

/** Why a well-formed follow-up is not bound to `journal` as it is now (another drill, or the journal changed after review); undefined when it is. */
export function bindingProblem(f: FollowupT, journal: string, bound: { drillId: string; sha256: string }): { field: string; message: string } | undefined {
  if (f.journal.drillId !== bound.drillId) return { field: "journal.drillId", message: `"${f.journal.drillId}" is another drill than ${basename(journal)} ("${bound.drillId}")` };
  if (f.journal.sha256 !== bound.sha256) {
    return { field: "journal.sha256", message: `reviewed journal ${f.journal.sha256.slice(0, 12)}… but ${basename(journal)} is now ${bound.sha256.slice(0, 12)}… (changed after its review)` };
  }
  return undefined;
}

/** The decision in force: the last review. */
export const currentReview = (f: FollowupT | undefined): ReviewT | undefined => f?.reviews.at(-1);

/** Open actions, and among them the ones past their due day at `now` (due at the end of that day, UTC). */
export function openActions(f: FollowupT | undefined, now: Date): { open: ActionT[]; overdue: ActionT[] } {
  const open = (f?.actions ?? []).filter((a) => !a.closed);
  return { open, overdue: open.filter((a) => Date.parse(`${a.due}T23:59:59.999Z`) < now.getTime()) };
}

/** What binds a follow-up to its journal: the drill id of its first record and the SHA-256 of its bytes. */
export async function journalBinding(journal: string): Promise<{ drillId: string; sha256: string }> {
  let first: unknown;
  try {
    first = JSON.parse(readFirstLine(journal));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(code ? `${journal}: cannot read journal (${code})` : `${journal}: line 1: not a journal record (${(error as Error).message})`, { file: journal }, error);
  }
  const drillId = (first as { type?: unknown; drillId?: unknown } | null)?.drillId;
  if ((first as { type?: unknown } | null)?.type !== "drill-started" || typeof drillId !== "string") {
    throw inputError(`${journal}: line 1: drillId: not a journal (its first record must be drill-started with a drillId)`, { file: journal, field: "drillId" });
  }
  return { drillId, sha256: (await hashFile(journal)).sha256 };
}

/** A new, empty follow-up for a journal. */
export function emptyFollowup(journal: string, bound: { drillId: string; sha256: string }): FollowupT {
  return { format: FOLLOWUP_FORMAT, version: 1, journal: { file: basename(journal), ...bound }, reviews: [], actions: [] };
}

/** The next action id of a follow-up: `A-<sha8>-<n>`. */
export const nextActionId = (f: FollowupT): string => `A-${f.journal.sha256.slice(0, 8)}-${f.actions.length + 1}`;

/** Validates (the same schema readers use) and writes atomically; returns the file. */
export function writeFollowup(journal: string, f: FollowupT): string {
  const file = followupFile(journal);
  const checked = Followup.safeParse(f);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw inputError(`${file}: ${issue.path.join(".")}: ${issue.message}`, { file, field: issue.path.join(".") });
  }
  writeFileAtomic(file, `${JSON.stringify(checked.data, null, 2)}\n`);
  return file;
}
