// An evidence directory: a tree of journals (*.jsonl, searched recursively), read
// for readiness. Only each journal's header and summary are kept — a year of
// hour-long drills must not be held in memory to draw one matrix.
import { findJournals } from "../journal/find.ts";
import type { JournalRecordT, SummaryT, DrillStartedT } from "../journal/format.ts";
import { JournalInputError, scanJournal, type Journal } from "../journal/read.ts";

export async function readJournalHead(file: string): Promise<Journal> {
  let started: DrillStartedT | undefined;
  let summary: SummaryT | undefined;
  let first = true;
  await scanJournal(file, (r, lineNo) => {
    if (first && r.type !== "drill-started") throw new JournalInputError(`${file}:${lineNo}: a journal starts with a drill-started record, not "${r.type}"`);
    first = false;
    if (r.type === "drill-started") started = r;
    else if (r.type === "summary") summary = r;
  });
  if (!started) throw new JournalInputError(`${file}:1: empty journal: no drill-started record`);
  const records: JournalRecordT[] = summary ? [started, summary] : [started];
  return { file, started, records, summary };
}

export async function loadEvidence(paths: readonly string[]): Promise<Journal[]> {
  const out: Journal[] = [];
  for (const file of findJournals(paths)) out.push(await readJournalHead(file));
  return out;
}
