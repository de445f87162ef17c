// The gate over a set of journals: every scenario judged on its own, then one
// status and exit code for CI. "Could not judge" wins over "failed": a gate
// that could not see every run has not shown anything, either way.
import type { EvidenceSet } from "../../journal/evidence-set.ts";
import type { Journal } from "../../journal/read.ts";
import { inputError } from "../../core/errors.ts";
import { groupJournals } from "./group.ts";
import { gateGroup } from "./group-gate.ts";
import { STATISTICS, type GateOptions, type GateReport } from "./types.ts";

/** `evidence`: journals, or a set from readGateJournals (with what did not count, and why). */
export function gate(evidence: readonly Journal[] | EvidenceSet, o: GateOptions): GateReport {
  const { journals, ignored } = "journals" in evidence ? evidence : { journals: evidence, ignored: [] };
  if (!STATISTICS.includes(o.statistic)) throw inputError(`gate statistic "${o.statistic}": expected one of ${STATISTICS.join(", ")}`);
  if (o.expect !== undefined && (!Number.isInteger(o.expect) || o.expect < 1)) throw inputError(`expected runs "${o.expect}": expected a whole number ≥ 1`);
  if (journals.length === 0 && ignored.length === 0) throw inputError("no journals to gate");
  const groups = groupJournals(journals, ignored).map((g) => gateGroup(g, o));
  const worst = (["could-not-judge", "failed", "inconclusive"] as const).find((st) => groups.some((g) => g.status === st));
  const status = worst ?? "passed";
  return { statistic: o.statistic, groups, status, ignored: [...ignored] };
}
