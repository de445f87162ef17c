// Streaming a journal fast enough for hour-long drills: the file is read in large
// chunks and split by hand (readline costs more than the parsing it feeds).
// Every line goes through parse.ts, the one schema-true parser; a torn final
// line (the runner killed mid-write) is dropped and reported in the result.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { JournalRecordT } from "./format.ts";
import { JournalInputError, parseRecord, TORN } from "./parse.ts";

export interface StreamedJournal {
  sha256: string;
  bytes: number;
  /** The line number of a torn final line that was dropped. */
  tornLine?: number;
}

/**
 * Visits every record and returns the SHA-256 of the file's bytes, computed on
 * the same single read (decoding after hashing, so the hash is of the bytes).
 */
export async function streamJournal(file: string, visit: (record: JournalRecordT, lineNo: number) => void): Promise<StreamedJournal> {
  const hash = createHash("sha256");
  const decoder = new StringDecoder("utf8");
  let bytes = 0;
  let rest = "";
  let lineNo = 0;
  const take = (line: string, last: boolean): boolean => {
    const r = parseRecord(file, lineNo, line, last);
    if (r === TORN) return true;
    if (r) visit(r, lineNo);
    return false;
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      const text = rest + decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        lineNo += 1;
        take(text.slice(start, end), false);
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    if (error instanceof JournalInputError) throw error;
    throw new JournalInputError(`cannot read journal ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
  }
  rest += decoder.end();
  lineNo += 1;
  const torn = rest !== "" && take(rest, true);
  return { sha256: hash.digest("hex"), bytes, ...(torn ? { tornLine: lineNo } : {}) };
}
