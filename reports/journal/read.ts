// Reading journals back: line by line, each record validated, a bad line named by
// file and line number. `readJournal` keeps everything; `scanJournal` streams for
// long drills where only summaries or down-sampled series are needed.
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { JournalRecord, type DrillStartedT, type JournalRecordT, type SummaryT } from "./format.ts";

export class JournalInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "JournalInputError";
  }
}

export interface Journal {
  file: string;
  started: DrillStartedT;
  records: JournalRecordT[];
  /** Absent when the drill was killed before it could write one. */
  summary?: SummaryT;
}

function parseLine(file: string, lineNo: number, line: string): JournalRecordT | undefined {
  if (line.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new JournalInputError(`${file}:${lineNo}: not a JSON record`);
  }
  const parsed = JournalRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new JournalInputError(`${file}:${lineNo}: ${issue.path.join(".") || "record"}: ${issue.message}`);
  }
  return parsed.data;
}

/** A journal cut off mid-line (the runner was killed while writing) loses only that line. */
function dropTornLastLine(lines: string[]): string[] {
  const last = lines[lines.length - 1];
  if (last === undefined || last.trim() === "") return lines;
  try {
    JSON.parse(last);
    return lines;
  } catch {
    return lines.slice(0, -1);
  }
}

export function readJournal(file: string): Journal {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new JournalInputError(`cannot read journal ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
  }
  const records = dropTornLastLine(text.split("\n"))
    .map((line, i) => parseLine(file, i + 1, line))
    .filter((r): r is JournalRecordT => r !== undefined);
  return assemble(file, records);
}

function assemble(file: string, records: JournalRecordT[]): Journal {
  const started = records[0];
  if (!started || started.type !== "drill-started") throw new JournalInputError(`${file}:1: a journal starts with a drill-started record`);
  const summary = records.findLast((r): r is SummaryT => r.type === "summary");
  return { file, started, records, summary };
}

/** Stream the records of a journal to `visit`, without holding them all. */
export async function scanJournal(file: string, visit: (record: JournalRecordT, lineNo: number) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let lineNo = 0;
  let pending: string | undefined;
  for await (const line of lines) {
    if (pending !== undefined) {
      const r = parseLine(file, lineNo, pending);
      if (r) visit(r, lineNo);
    }
    lineNo += 1;
    pending = line;
  }
  if (pending !== undefined && dropTornLastLine([pending]).length === 1) {
    const r = parseLine(file, lineNo, pending);
    if (r) visit(r, lineNo);
  }
}
