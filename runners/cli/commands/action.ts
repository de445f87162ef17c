// `drill action add <journal>` and `drill action done <id>`: follow-up actions
// of a drill, kept with its review beside the journal (journal/followup.ts).
// An action id (A-<sha8>-<n>) names its drill, so `done` finds it in the evidence.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { userInfo } from "node:os";
import { defineCommand } from "citty";
import { inputError } from "../../../core/errors.ts";
import { debugArg } from "../args.ts";
import { paint, println } from "../output.ts";
import { dueDay, journalOf } from "./review.ts";

const addCommand = defineCommand({
  meta: { name: "add", description: "Open a follow-up action on a drill (what, owner, due date)" },
  args: {
    journal: { type: "positional", required: true, description: "The drill's journal (*.jsonl), or its drill id", valueHint: "journal|drill id" },
    evidence: { type: "string", description: "Where to find a drill given by its id", default: "evidence", valueHint: "dir" },
    what: { type: "string", required: true, description: "What is to be done", valueHint: "text" },
    owner: { type: "string", required: true, description: "Who owns it", valueHint: "name" },
    due: { type: "string", required: true, description: "When it is due", valueHint: "YYYY-MM-DD" },
    by: { type: "string", description: "Who opened it (default: your user name)", valueHint: "name" },
    ...debugArg,
  },
  async run({ args }) {
    const f = await import("../../../journal/followup.ts");
    const journal = await journalOf(String(args.journal), args.evidence);
    const bound = await f.journalBinding(journal);
    const followup = f.readFollowup(journal, bound) ?? f.emptyFollowup(journal, bound);
    const action = { id: f.nextActionId(followup), what: args.what, owner: args.owner, due: dueDay(args.due), openedBy: args.by ?? userInfo().username, openedAt: new Date().toISOString() };
    followup.actions.push(action);
    const file = f.writeFollowup(journal, followup);
    println(`opened ${paint.bold(action.id)}: ${action.what} — ${action.owner}, due ${action.due}`);
    println(`${paint.dim("wrote")} ${file}`);
  },
});

/** Follow-up files under `dir`, recursively. */
function followupFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw inputError(`--evidence: cannot read ${dir} (${(error as NodeJS.ErrnoException).code ?? error})`, { field: "--evidence" }, error);
  }
  return entries.flatMap((e) => (e.isDirectory() && !e.name.startsWith(".") ? followupFiles(join(dir, e.name)) : e.isFile() && e.name.endsWith(".followup.json") ? [join(dir, e.name)] : []));
}

const doneCommand = defineCommand({
  meta: { name: "done", description: "Close a follow-up action by its id" },
  args: {
    id: { type: "positional", required: true, description: "The action's id (A-<sha8>-<n>)", valueHint: "id" },
    by: { type: "string", description: "Who closed it (default: your user name)", valueHint: "name" },
    note: { type: "string", description: "How it was done", valueHint: "text" },
    evidence: { type: "string", description: "Where the journals are (searched recursively)", default: "evidence", valueHint: "dir" },
    ...debugArg,
  },
  async run({ args }) {
    const f = await import("../../../journal/followup.ts");
    const id = String(args.id);
    if (!/^A-[0-9a-f]{8}-\d+$/.test(id)) throw inputError(`action id: "${id}" is not an action id like A-1a2b3c4d-1`, { field: "action id" });
    const sha8 = id.split("-")[1]!;
    for (const file of followupFiles(args.evidence)) {
      const journal = file.replace(/\.followup\.json$/, ".jsonl");
      const bound = await f.journalBinding(journal);
      if (!bound.sha256.startsWith(sha8)) continue;
      const followup = f.readFollowup(journal, bound)!;
      const action = followup.actions.find((a) => a.id === id);
      if (!action) continue;
      if (action.closed) throw inputError(`action ${id}: already closed by ${action.closed.by} at ${action.closed.at}`);
      action.closed = { by: args.by ?? userInfo().username, at: new Date().toISOString(), ...(args.note ? { note: args.note } : {}) };
      f.writeFollowup(journal, followup);
      println(`closed ${paint.bold(id)}: ${action.what} ${paint.dim(`(by ${action.closed.by})`)}`);
      return;
    }
    throw inputError(`action id: no action ${id} in ${args.evidence} (looked in its *.followup.json files)`, { field: "action id" });
  },
});

export const actionCommand = defineCommand({
  meta: { name: "action", description: "Follow-up actions of a drill: add one, or mark one done" },
  subCommands: { add: addCommand, done: doneCommand },
});
