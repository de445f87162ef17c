// `drill review <journal>`: a reviewer's decision on a drill, with follow-up
// actions, written beside the journal in `<journal>.followup.json` bound to the
// journal's SHA-256 (journals stay immutable). Reports and readiness show it.
import { userInfo } from "node:os";
import { defineCommand } from "citty";
import { inputError } from "../../../core/errors.ts";
import { debugArg } from "../args.ts";
import { paint, println } from "../output.ts";

/** Every value of a repeatable flag, in order (citty keeps only the last). */
function repeated(rawArgs: readonly string[], flag: string): string[] {
  const out: string[] = [];
  rawArgs.forEach((a, i) => {
    if (a === `--${flag}` && i + 1 < rawArgs.length) out.push(rawArgs[i + 1]!);
    else if (a.startsWith(`--${flag}=`)) out.push(a.slice(flag.length + 3));
  });
  return out;
}

/** `--due`: a calendar day, YYYY-MM-DD, that exists. */
export function dueDay(value: string | undefined, flag = "--due"): string {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw inputError(`${flag}: "${value ?? ""}" is not a date YYYY-MM-DD`, { field: flag });
  }
  return value;
}

/** The run id a journal's first record names (identity.runId), if it is readable. */
async function runIdOf(journal: string): Promise<string | undefined> {
  const { readFirstLine } = await import("../../../journal/first-line.ts");
  try {
    return (JSON.parse(readFirstLine(journal)) as { identity?: { runId?: unknown } }).identity?.runId as string | undefined;
  } catch {
    return undefined; // not ours to judge here: an unreadable journal is another drill's problem
  }
}

/**
 * The journals a review is about: a journal file; a drill id looked up under
 * `evidence` (journals are named `<drill id>.jsonl`); or a run id (every drill
 * one `drill run` made, by identity.runId in their first records), oldest first.
 */
export async function journalsOf(given: string, evidence: string): Promise<string[]> {
  const { existsSync } = await import("node:fs");
  if (existsSync(given)) return [given];
  if (given.includes("/") || !existsSync(evidence)) throw inputError(`journal: no such file ${given}${given.includes("/") ? "" : `, and no evidence directory ${evidence} to find drill or run ${given} in`}`, { field: "journal" });
  const { findJournals } = await import("../../../journal/find.ts");
  const all = findJournals([evidence]);
  const hits = all.filter((f) => f.endsWith(`/${given}.jsonl`));
  if (hits.length > 1) throw inputError(`journal: drill ${given} is in ${hits.length} journals under ${evidence} (${hits.join(", ")}): name the file`, { field: "journal" });
  if (hits.length === 1) return hits;
  const ofRun: string[] = [];
  for (const f of all) if ((await runIdOf(f)) === given) ofRun.push(f);
  if (ofRun.length === 0) throw inputError(`journal: no drill or run ${given} in ${evidence}`, { field: "journal" });
  return ofRun.sort();
}

/** One journal, as `drill action` needs it (a drill id or file; a run has several). */
export async function journalOf(given: string, evidence: string): Promise<string> {
  const found = await journalsOf(given, evidence);
  if (found.length > 1) throw inputError(`journal: run ${given} has ${found.length} drills; name one of them (${found.join(", ")})`, { field: "journal" });
  return found[0]!;
}

/** The first journal whose summary is not "passed" (a journal without a summary counts as not passed). */
async function firstNotPassed(journals: string[]): Promise<string | undefined> {
  const { readJournal } = await import("../../../journal/read.ts");
  for (const j of journals) {
    try {
      if (readJournal(j).summary?.outcome !== "passed") return j;
    } catch {
      return j;
    }
  }
  return undefined;
}

export const reviewCommand = defineCommand({
  meta: { name: "review", description: "Record a review of a drill (decision, note, follow-up actions) beside its journal, bound to its SHA-256" },
  args: {
    journal: { type: "positional", required: true, description: "The drill's journal (*.jsonl), its drill id, or a run id (every drill of that `drill run`)", valueHint: "journal|drill id|run id" },
    evidence: { type: "string", description: "Where to find a drill or run given by its id", default: "evidence", valueHint: "dir" },
    by: { type: "string", description: "Reviewer (default: your user name)", valueHint: "name" },
    decision: { type: "string", required: true, description: "accepted | rejected | needs-action", valueHint: "decision" },
    note: { type: "string", description: "What the reviewer concluded", valueHint: "text" },
    action: { type: "string", description: "A follow-up action (repeatable; each with its own --owner and --due, in order)", valueHint: "what" },
    owner: { type: "string", description: "Who owns the action at the same position", valueHint: "name" },
    due: { type: "string", description: "When the action at the same position is due", valueHint: "YYYY-MM-DD" },
    ...debugArg,
  },
  async run({ args, rawArgs }) {
    const f = await import("../../../journal/followup.ts");
    const decision = args.decision as (typeof f.DECISIONS)[number];
    if (!f.DECISIONS.includes(decision)) throw inputError(`--decision: "${args.decision}" is not one of ${f.DECISIONS.join(", ")}`, { field: "--decision" });
    const journals = await journalsOf(String(args.journal), args.evidence);
    const by = args.by ?? userInfo().username;
    const [whats, owners, dues] = ["action", "owner", "due"].map((flag) => repeated(rawArgs, flag)) as [string[], string[], string[]];
    if (owners.length !== whats.length || dues.length !== whats.length) throw inputError(`--action: ${whats.length} action(s) but ${owners.length} --owner and ${dues.length} --due; give each action its owner and due date`, { field: "--action" });
    const days = dues.map((d, i) => dueDay(d, `--due (action ${i + 1})`));
    // A run's review goes to each of its drills; its actions once, to the first drill that did not pass
    // (else the first), so readiness counts each action once and shows it where the run fell short.
    const actionsOn = journals.length === 1 ? journals[0]! : ((await firstNotPassed(journals)) ?? journals[0]!);
    if (decision === "needs-action" && whats.length === 0) {
      const existing = f.readFollowup(actionsOn, await f.journalBinding(actionsOn));
      if (!existing || f.openActions(existing, new Date()).open.length === 0) throw inputError(`--decision needs-action: name the action with --action, --owner and --due`, { field: "--decision" });
    }
    const at = new Date().toISOString();
    for (const journal of journals) {
      const bound = await f.journalBinding(journal);
      const followup = f.readFollowup(journal, bound) ?? f.emptyFollowup(journal, bound);
      const added = journal !== actionsOn ? [] : whats.map((what, i) => {
        const action = { id: f.nextActionId(followup), what, owner: owners[i]!, due: days[i]!, openedBy: by, openedAt: at };
        followup.actions.push(action);
        return action;
      });
      followup.reviews.push({ by, decision, note: args.note ?? "", at });
      const file = f.writeFollowup(journal, followup);
      println(`${paint.bold(decision)} by ${by}: ${bound.drillId} ${paint.dim(`(journal sha256 ${bound.sha256.slice(0, 12)}…)`)}`);
      for (const a of added) println(`  action ${a.id}: ${a.what} — ${a.owner}, due ${a.due}`);
      println(`${paint.dim("wrote")} ${file}`);
    }
  },
});
