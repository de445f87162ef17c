// A drill whose runner was killed has a journal without a summary. Once `drill
// recover` has healed its faults, it appends one saying so, so that every
// report shows the drill as interrupted rather than guessing from a cut-off file.
// A runner killed mid-write leaves a torn final line; appending after it would
// make it a middle line that every reader rejects, so it is cut back to the
// last complete record first (and the cut is said in the summary's reason).
import { appendFileSync, existsSync, readFileSync, truncateSync } from "node:fs";
import type { SummaryT } from "../../journal/format.ts";

/** Byte length of `bytes` up to its last complete line; `torn` when a partial final line follows it. */
export function completeLength(bytes: Buffer): { length: number; torn: boolean } {
  if (bytes.length === 0 || bytes[bytes.length - 1] === 10) return { length: bytes.length, torn: false };
  const end = bytes.lastIndexOf(10) + 1;
  const tail = bytes.subarray(end).toString("utf8");
  try {
    JSON.parse(tail);
    return { length: bytes.length, torn: false }; // a whole record, only its newline missing
  } catch {
    return { length: end, torn: true };
  }
}

export function markInterrupted(journal: string, reason: string): boolean {
  if (!existsSync(journal)) return false;
  const bytes = readFileSync(journal);
  const text = bytes.toString("utf8");
  if (text.includes('"type":"summary"')) return false;
  const { length, torn } = completeLength(bytes);
  if (torn) truncateSync(journal, length);
  const first = text.slice(0, text.indexOf("\n"));
  let service = "unknown";
  try {
    service = (JSON.parse(first) as { scenario?: { service?: string } }).scenario?.service ?? service;
  } catch {
    // a journal cut off in its first line: the summary still says what happened
  }
  const summary: SummaryT = {
    type: "summary", outcome: "interrupted", reason: torn ? `${reason}; its torn last line (${bytes.length - length} bytes) was cut back to the last complete record` : reason, faultConfirmed: false,
    service: { name: service, recovered: false, noDisruption: false },
    probes: [], ledgers: [], verdicts: [], durationMs: 0, endedAt: new Date().toISOString(),
  };
  // A whole last record without its newline is ended first, so the summary is a line of its own.
  appendFileSync(journal, `${length === 0 || bytes[length - 1] === 10 ? "" : "\n"}${JSON.stringify(summary)}\n`);
  return true;
}
