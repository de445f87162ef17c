// An evidence directory for readiness: a tree of journals (*.jsonl, searched
// recursively), of which only each journal's header and summary are kept — a
// year of hour-long drills must not be held in memory to draw one matrix.
// Which of them count is decided in journal/evidence-set.ts.
import { readEvidence, readJournalHead } from "../../journal/evidence-set.ts";
import type { Journal } from "../../journal/read.ts";

export { readJournalHead };

/** The readable journals under `paths` (use readEvidence to see the unreadable ones too). */
export async function loadEvidence(paths: readonly string[]): Promise<Journal[]> {
  return (await readEvidence(paths)).journals;
}
