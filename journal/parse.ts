// One line of a journal → one record, the same way for every reader: JSON, then
// the fast path for samples and writes (fast-records.ts, which accepts only what
// the schema accepts), then the schema of format.ts. A bad line is named by
// file and line. Only the FINAL line of a file may be torn (the runner was
// killed mid-write): readers drop it and say so, never a line in the middle.
import { JournalRecord, type JournalRecordT } from "./format.ts";
import { fastSample, fastWrite } from "./fast-records.ts";
import { DrillError } from "../core/errors.ts";

/** A journal that cannot be read as one: a DrillError of kind "input". */
export class JournalInputError extends DrillError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("input", message, {}, options);
    this.name = "JournalInputError";
  }
}

/** A final line that is not JSON: cut off by a killed writer. */
export const TORN = Symbol("torn");

/**
 * The record on `line`, undefined for a blank line, TORN for a final line that
 * is not JSON. Throws JournalInputError naming `file:lineNo` otherwise.
 */
export function parseRecord(file: string, lineNo: number, line: string, last: boolean): JournalRecordT | undefined | typeof TORN {
  if (line.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    if (last) return TORN;
    throw new JournalInputError(`${file}:${lineNo}: not a JSON record`);
  }
  if (value && typeof value === "object") {
    const fast = fastSample(value as Record<string, unknown>) ?? fastWrite(value as Record<string, unknown>);
    if (fast) return fast;
  }
  const parsed = JournalRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new JournalInputError(`${file}:${lineNo}: ${issue.path.join(".") || "record"}: ${issue.message}`);
  }
  const r = parsed.data;
  if (r.type === "drill-started" && r.version >= 2 && !r.identity) throw new JournalInputError(`${file}:${lineNo}: identity: required from journal version 2`);
  return r;
}
