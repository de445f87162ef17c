// The gaps in the evidence, as findings `drill verify --evidence` can fold in:
//   R1 a hazard the plan says a service must survive was never exercised
//   R2 the last exercise is older than the service's exerciseEvery (stale)
//   R3 the last exercise missed an objective
//   R4 the latest attempt since then produced no evidence (not-started, error …)
//   R5 the last exercise did not measure an objective the plan declares
//   R6 evidence for a service or hazard the plan does not declare
import { humanMs } from "../../stacks/lib/duration.ts";
import type { PlanT } from "../../stacks/lib/schema.ts";
import { verdictPhrase } from "../figures.ts";
import type { VerdictT } from "../journal/format.ts";
import type { Gap, Readiness, ReadinessCell, ReadinessFinding, ServiceRow } from "./types.ts";

const FIELD: Record<VerdictT["objective"], string> = {
  rto: "objectives.rto", rpo: "objectives.rpo", mtpd: "objectives.mtpd", availability: "objectives.minAvailability",
  "lost-after-fault": "objectives.rpo", corrupted: "objectives.rpo", "heal-disruption": "objectives.rto",
};

const DECLARED: Partial<Record<VerdictT["objective"], "rtoMs" | "rpoMs">> = { rto: "rtoMs", rpo: "rpoMs" };

export function findGaps(plan: PlanT, r: Readiness): Gap[] {
  const gaps: Gap[] = [];
  for (const row of r.services) {
    row.cells.forEach((c) => gaps.push(...cellGaps(plan, row, c)));
  }
  for (const d of r.unplanned) {
    gaps.push({ rule: "R6", severity: "info", service: d.service, hazard: d.hazard, drill: d, message: `drill ${d.drillId} exercised ${d.service} / ${d.hazard}, which the plan does not declare` });
  }
  return gaps;
}

function cellGaps(plan: PlanT, row: ServiceRow, c: ReadinessCell): Gap[] {
  const where = `${c.service} / ${c.hazard}`;
  const hazardIndex = plan.services.find((s) => s.name === c.service)?.hazards.findIndex((h) => h.id === c.hazard) ?? -1;
  const out: Gap[] = [];
  if (c.freshness === "never") {
    out.push({ rule: "R1", severity: row.exerciseEveryMs !== undefined ? "error" : "warning", service: c.service, hazard: c.hazard, field: `hazards.${hazardIndex}`, message: `${where}: never exercised${c.last ? ` (latest attempt ${c.last.outcome})` : ""}` });
    return out;
  }
  const ex = c.lastExercise!;
  if (c.freshness === "stale") {
    out.push({ rule: "R2", severity: "error", service: c.service, hazard: c.hazard, field: "objectives.exerciseEvery", drill: ex, message: `${where}: last exercised ${ex.startedAt.slice(0, 10)}, stale since ${c.dueAt?.slice(0, 10)} (exercise every ${humanMs(row.exerciseEveryMs!)})` });
  }
  for (const v of ex.missed) {
    out.push({ rule: "R3", severity: "error", service: c.service, hazard: c.hazard, field: FIELD[v.objective], drill: ex, message: `${where}: the last exercise (${ex.startedAt.slice(0, 10)}) missed ${verdictPhrase(v)}` });
  }
  if (c.last && c.last !== ex) {
    out.push({ rule: "R4", severity: "warning", service: c.service, hazard: c.hazard, drill: c.last, message: `${where}: the latest attempt (${c.last.startedAt.slice(0, 10)}) ended ${c.last.outcome}, no evidence; the last exercise is older` });
  }
  for (const o of ex.notMeasured) {
    const declared = DECLARED[o];
    if (declared && row[declared] !== undefined) {
      out.push({ rule: "R5", severity: "warning", service: c.service, hazard: c.hazard, field: FIELD[o], drill: ex, message: `${where}: the last exercise did not measure ${o}, which the plan declares` });
    }
  }
  return out;
}

/** Findings for `drill verify --evidence`: the gaps without readiness' own context. */
export function toFindings(gaps: readonly Gap[]): ReadinessFinding[] {
  return gaps.map(({ rule, severity, service, field, message }) => ({ rule, severity, service, ...(field ? { field } : {}), message }));
}
