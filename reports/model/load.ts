// Journal file → DrillModel, streaming (a one-hour drill at 100 Hz is over a
// million records; the model keeps only down-sampled series), read once for
// both the records and the journal's hash.
import { JournalInputError, type Journal } from "../../journal/read.ts";
import { streamJournal } from "../../journal/stream.ts";
import { hashFile } from "../../journal/hash.ts";
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
  return acc.finish(meta);
}

/** A journal already in memory (readJournal), e.g. in tests; hashed from its file. */
export async function drillFromJournal(journal: Journal): Promise<DrillModel> {
  const acc = new DrillAccumulator(journal.file);
  journal.records.forEach((r, i) => acc.add(r, i + 1));
  return acc.finish(await hashOf(journal.file));
}
