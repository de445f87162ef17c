// Journal file → DrillModel, streaming (a one-hour drill at 100 Hz is over a
// million records; the model keeps only down-sampled series), read once for
// both the records and the journal's hash.
import { JournalInputError, type Journal } from "../../journal/read.ts";
import { streamJournal } from "../../journal/stream.ts";
import { hashFile } from "../../journal/hash.ts";
import { readFollowup } from "../../journal/followup.ts";
import { DrillAccumulator } from "./accumulate.ts";
import type { DrillModel } from "./drill-model.ts";

async function hashOf(file: string): Promise<{ sha256: string; bytes: number }> {
  try {
    return await hashFile(file);
  } catch (error) {
    throw new JournalInputError(`cannot read journal ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
  }
}

export async function loadDrill(file: string): Promise<DrillModel> {
  const acc = new DrillAccumulator(file);
  const meta = await streamJournal(file, (record, lineNo) => acc.add(record, lineNo));
  return withFollowup(acc.finish(meta));
}

/** The review and actions beside the journal, when there are any (a bad or mis-bound file is bad input). */
function withFollowup(d: DrillModel): DrillModel {
  const followup = readFollowup(d.file, { drillId: d.started.drillId, sha256: d.sha256 });
  return followup ? { ...d, followup } : d;
}

/** A journal already in memory (readJournal), e.g. in tests; hashed from its file. */
export async function drillFromJournal(journal: Journal): Promise<DrillModel> {
  const acc = new DrillAccumulator(journal.file);
  journal.records.forEach((r, i) => acc.add(r, i + 1));
  return withFollowup(acc.finish(await hashOf(journal.file)));
}
