// Streaming a journal fast enough for hour-long drills: the file is read in large
// chunks and split by hand (readline costs more than the parsing it feeds), and
// samples and writes take the fast path of fast-records.ts. Same contract as
// scanJournal in read.ts: every record validated, a bad line named by file and
// line, a torn last line (the runner killed mid-write) dropped.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { JournalRecord, type JournalRecordT } from "./format.ts";
import { fastSample, fastWrite } from "./fast-records.ts";
import { JournalInputError } from "./read.ts";

function parse(file: string, lineNo: number, line: string, last: boolean): JournalRecordT | undefined {
  if (line.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    if (last) return undefined;
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
  return parsed.data;
}

/**
 * Visits every record and returns the SHA-256 of the file's bytes, computed on
 * the same single read (decoding after hashing, so the hash is of the bytes).
 */
export async function streamJournal(file: string, visit: (record: JournalRecordT, lineNo: number) => void): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  const decoder = new StringDecoder("utf8");
  let bytes = 0;
  let rest = "";
  let lineNo = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      const text = rest + decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        lineNo += 1;
        const r = parse(file, lineNo, text.slice(start, end), false);
        if (r) visit(r, lineNo);
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    if (error instanceof JournalInputError) throw error;
    throw new JournalInputError(`cannot read journal ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
  }
  rest += decoder.end();
  if (rest !== "") {
    const r = parse(file, lineNo + 1, rest, true);
    if (r) visit(r, lineNo + 1);
  }
  return { sha256: hash.digest("hex"), bytes };
}
