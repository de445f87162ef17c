// A drill whose runner was killed has a journal without a summary. Once `drill
// recover` has healed its faults, it appends one saying so, so that every
// report shows the drill as interrupted rather than guessing from a cut-off file.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { SummaryT } from "../../reports/journal/format.ts";

export function markInterrupted(journal: string, reason: string): boolean {
  if (!existsSync(journal)) return false;
  const text = readFileSync(journal, "utf8");
  if (text.includes('"type":"summary"')) return false;
  const first = text.slice(0, text.indexOf("\n"));
  let service = "unknown";
  try {
    service = (JSON.parse(first) as { scenario?: { service?: string } }).scenario?.service ?? service;
  } catch {
    // a journal cut off in its first line: the summary still says what happened
  }
  const summary: SummaryT = {
    type: "summary", outcome: "interrupted", reason, faultConfirmed: false,
    service: { name: service, recovered: false, noDisruption: false },
    probes: [], ledgers: [], verdicts: [], durationMs: 0, endedAt: new Date().toISOString(),
  };
  // A torn last line (killed mid-write) is ended first, so the summary is a line of its own.
  appendFileSync(journal, `${text.endsWith("\n") || text === "" ? "" : "\n"}${JSON.stringify(summary)}\n`);
  return true;
}
