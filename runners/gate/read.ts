// Journals for a gate, from files and evidence directories. A bad journal is
// bad input (exit 2) named by file and line — reports/journal/read.ts does that;
// finding none at all is bad input too, not a pass.
import { findJournals } from "../../reports/journal/find.ts";
import { readJournal, type Journal } from "../../reports/journal/read.ts";
import { InputError } from "../errors.ts";

export function readGateJournals(paths: readonly string[]): Journal[] {
  if (paths.length === 0) throw new InputError("name at least one evidence directory or journal");
  const files = findJournals(paths);
  if (files.length === 0) throw new InputError(`no journals (*.jsonl) under ${paths.join(", ")}`);
  return files.map((f) => readJournal(f));
}
