// Reading journals back: line by line, each record validated by parse.ts (the
// one parser every reader shares), a bad line named by file and line number.
// `readJournal` keeps everything; `scanJournal` streams (stream.ts) for long
// drills where only summaries or down-sampled series are needed.
import { readFileSync } from "node:fs";
import type { DrillStartedT, JournalRecordT, SummaryT } from "./format.ts";
import { sha256 } from "./identity.ts";
import { JournalInputError, parseRecord, TORN } from "./parse.ts";
import { streamJournal, type StreamedJournal } from "./stream.ts";

export { JournalInputError } from "./parse.ts";

export interface Journal {
  file: string;
  started: DrillStartedT;
  records: JournalRecordT[];
  /** Absent when the drill was killed before it could write one. */
  summary?: SummaryT;
  /** SHA-256 of the file's bytes (absent for journals built in memory). */
  sha256?: string;
  /** The line number of a torn final line that was dropped (a killed writer). */
  tornLine?: number;
}

export function readJournal(file: string): Journal {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new JournalInputError(`cannot read journal ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
  }
  const lines = bytes.toString("utf8").split("\n");
  const records: JournalRecordT[] = [];
  let tornLine: number | undefined;
  lines.forEach((line, i) => {
    const r = parseRecord(file, i + 1, line, i === lines.length - 1);
    if (r === TORN) tornLine = i + 1;
    else if (r) records.push(r);
  });
  return assemble(file, records, { sha256: sha256(bytes), bytes: bytes.length, ...(tornLine ? { tornLine } : {}) });
}

export function assemble(file: string, records: JournalRecordT[], meta?: StreamedJournal): Journal {
  const started = records[0];
  if (!started || started.type !== "drill-started") throw new JournalInputError(`${file}:1: a journal starts with a drill-started record`);
  const summary = records.findLast((r): r is SummaryT => r.type === "summary");
  return { file, started, records, summary, ...(meta ? { sha256: meta.sha256 } : {}), ...(meta?.tornLine ? { tornLine: meta.tornLine } : {}) };
}

/** Stream the records of a journal to `visit`, without holding them all. */
export async function scanJournal(file: string, visit: (record: JournalRecordT, lineNo: number) => void): Promise<StreamedJournal> {
  return streamJournal(file, visit);
}
