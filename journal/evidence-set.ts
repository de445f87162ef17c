// Which journals of an evidence tree count, and why the others do not. Every
// command that judges evidence (gate, readiness, verify --evidence, report)
// reads the tree here, so each applies the same rules:
//   - one drill counts once: a second file with the same drill id or the same
//     SHA-256 is a duplicate (copied trees, re-uploaded artefacts);
//   - evidence of another project or stack never counts for this plan;
//   - a journal stamped further in the future than FUTURE_SKEW_MS (a clock set
//     ahead) is excluded: it would hide the real latest result;
//   - a journal that cannot be read is listed with its error, and its scenario
//     (when its first record says which) cannot be judged; the rest can.
import { findJournals } from "./find.ts";
import type { DrillStartedT, SummaryT } from "./format.ts";
import { JournalInputError, parseRecord, TORN } from "./parse.ts";
import { assemble, type Journal } from "./read.ts";
import { streamJournal } from "./stream.ts";
import { readFirstLine } from "./first-line.ts";

/** How far ahead of `now` a journal's start may be stamped (clock skew between hosts). */
export const FUTURE_SKEW_MS = 5 * 60_000;

export type IgnoredKind = "duplicate" | "other-plan" | "future" | "unreadable";

export interface IgnoredJournal {
  file: string;
  kind: IgnoredKind;
  reason: string;
  /** What the journal's first record says, when it could be read. */
  drillId?: string;
  project?: string;
  stack?: string;
  scenario?: string;
  service?: string;
  hazard?: string;
}

export interface EvidenceSet<J extends Evidence = Journal> {
  journals: J[];
  ignored: IgnoredJournal[];
}

/** What the rules need of a journal: a Journal, or a report's DrillModel. */
export interface Evidence {
  file: string;
  started: DrillStartedT;
  sha256?: string;
}

/** The drill-started record and the summary of a journal, streamed (hour-long drills are not held). */
export async function readJournalHead(file: string): Promise<Journal> {
  let started: DrillStartedT | undefined;
  let summary: SummaryT | undefined;
  let first = true;
  const meta = await streamJournal(file, (r, lineNo) => {
    if (first && r.type !== "drill-started") throw new JournalInputError(`${file}:${lineNo}: a journal starts with a drill-started record, not "${r.type}"`);
    if (!first && r.type === "drill-started") throw new JournalInputError(`${file}:${lineNo}: a second drill-started record; one journal holds one drill`);
    first = false;
    if (r.type === "drill-started") started = r;
    else if (r.type === "summary") summary = r;
  });
  if (!started) throw new JournalInputError(`${file}:1: empty journal: no drill-started record`);
  return assemble(file, summary ? [started, summary] : [started], meta);
}

/** Every journal under `paths`; one that cannot be read is listed, never fatal for the tree. */
export async function readEvidence(paths: readonly string[]): Promise<EvidenceSet> {
  return readEach(findJournals(paths), readJournalHead);
}

/** Reads each file with `read`; a JournalInputError lists the file as unreadable instead of failing the tree. */
export async function readEach<J extends Evidence>(files: readonly string[], read: (file: string) => Promise<J>): Promise<EvidenceSet<J>> {
  const out: EvidenceSet<J> = { journals: [], ignored: [] };
  for (const file of files) {
    try {
      out.journals.push(await read(file));
    } catch (error) {
      if (!(error instanceof JournalInputError)) throw error;
      out.ignored.push({ file, kind: "unreadable", reason: error.message, ...whatItSays(file) });
    }
  }
  return out;
}

/** What an unreadable journal's first line says it is, if that line itself is a valid record. */
function whatItSays(file: string): Partial<IgnoredJournal> {
  try {
    const r = parseRecord(file, 1, readFirstLine(file), false);
    return r && r !== TORN && r.type === "drill-started" ? describe(r) : {};
  } catch {
    return {};
  }
}

const describe = (s: DrillStartedT): Partial<IgnoredJournal> => ({
  drillId: s.drillId, project: s.plan.project, stack: s.plan.stack, scenario: s.scenario.name, service: s.scenario.service, hazard: s.scenario.hazard,
});

export interface SelectOptions {
  now: Date;
  /** Only evidence of this plan counts (readiness, verify); unset: every project and stack (gate, report). */
  plan?: { project: string; stack: string };
  skewMs?: number;
}

/** Applies the rules above, in file order: the first of two duplicates is the one kept. */
export function selectEvidence<J extends Evidence>(set: EvidenceSet<J>, o: SelectOptions): EvidenceSet<J> {
  const out: EvidenceSet<J> = { journals: [], ignored: [...set.ignored] };
  const byId = new Map<string, J>();
  const bySha = new Map<string, J>();
  const latest = o.now.getTime() + (o.skewMs ?? FUTURE_SKEW_MS);
  for (const j of set.journals) {
    const s = j.started;
    const ignore = (kind: IgnoredKind, reason: string) => out.ignored.push({ file: j.file, kind, reason, ...describe(s) });
    if (o.plan && (s.plan.project !== o.plan.project || s.plan.stack !== o.plan.stack)) {
      ignore("other-plan", `evidence of ${s.plan.project}/${s.plan.stack}, not of this plan (${o.plan.project}/${o.plan.stack})`);
      continue;
    }
    const startedMs = Date.parse(s.startedAt);
    if (!(startedMs <= latest)) {
      ignore("future", Number.isNaN(startedMs) ? `startedAt "${s.startedAt}" is not a date` : `stamped ${s.startedAt}, more than ${Math.round((o.skewMs ?? FUTURE_SKEW_MS) / 60_000)} min after now (${o.now.toISOString()}): a clock set ahead`);
      continue;
    }
    const sameId = byId.get(s.drillId);
    const sameSha = j.sha256 ? bySha.get(j.sha256) : undefined;
    if (sameId || sameSha) {
      ignore("duplicate", `duplicate of ${(sameId ?? sameSha)!.file} (${sameId ? `same drill id ${s.drillId}` : "same SHA-256"}): counted once`);
      continue;
    }
    byId.set(s.drillId, j);
    if (j.sha256) bySha.set(j.sha256, j);
    out.journals.push(j);
  }
  return out;
}
