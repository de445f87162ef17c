// Journals for a gate, from files and evidence directories, through the rules
// every evidence reader shares (journal/evidence-set.ts): each drill
// counted once, future-dated journals excluded, and a journal that cannot be
// read listed — it makes its own scenario "could not judge", never the whole
// tree unreadable. Finding no journals at all is bad input, not a pass.
import { findJournals } from "../../journal/find.ts";
import { readEvidence, selectEvidence, type EvidenceSet } from "../../journal/evidence-set.ts";
import { inputError } from "../../core/errors.ts";

export async function readGateJournals(paths: readonly string[], now = new Date()): Promise<EvidenceSet> {
  if (paths.length === 0) throw inputError("name at least one evidence directory or journal");
  if (findJournals(paths).length === 0) throw inputError(`no journals (*.jsonl) under ${paths.join(", ")}`);
  return selectEvidence(await readEvidence(paths), { now });
}
