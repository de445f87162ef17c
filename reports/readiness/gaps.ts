// The gaps in the evidence, as findings `drill verify --evidence` can fold in:
//   R1 a hazard the plan says a service must survive was never exercised
//   R2 the last exercise is older than the service's exerciseEvery (stale)
//   R3 the last exercise missed an objective
//   R4 the latest attempt since then produced no evidence (not-started, error …)
//   R5 the last exercise did not measure an objective the plan declares
//   R6 evidence for a service or hazard the plan does not declare
//   R8 the service changed in the plan since its last exercise (stale evidence)
//   R9 a journal that does not count: duplicate, another project or stack, future-dated
//   R10 a journal that cannot be read: its service and hazard cannot be judged
import { humanMs } from "../../core/duration.ts";
import type { PlanT } from "../../stacks/lib/schema.ts";
import { verdictPhrase } from "../figures.ts";
import type { IgnoredJournal } from "../../journal/evidence-set.ts";
import type { VerdictT } from "../../journal/format.ts";
import { changeText } from "./plan-changes.ts";
import type { Gap, Readiness, ReadinessCell, ReadinessFinding, ServiceRow } from "./types.ts";

const FIELD: Record<VerdictT["objective"], string> = {
  rto: "objectives.rto", rpo: "objectives.rpo", mtpd: "objectives.mtpd", availability: "objectives.minAvailability",
  "lost-after-fault": "objectives.rpo", corrupted: "objectives.rpo", "heal-disruption": "objectives.rto",
};

const DECLARED: Partial<Record<VerdictT["objective"], "rtoObjectiveMs" | "rpoMs">> = { rto: "rtoObjectiveMs", rpo: "rpoMs" };

export function findGaps(plan: PlanT, r: Readiness): Gap[] {
  const gaps: Gap[] = [];
  for (const row of r.services) {
    row.cells.forEach((c) => gaps.push(...cellGaps(plan, row, c, r)));
  }
  for (const d of r.unplanned) {
    gaps.push({ rule: "R6", severity: "info", service: d.service, hazard: d.hazard, drill: d, message: `drill ${d.drillId} exercised ${d.service} / ${d.hazard}, which the plan does not declare` });
  }
  return gaps;
}

function cellGaps(plan: PlanT, row: ServiceRow, c: ReadinessCell, r: Readiness): Gap[] {
  const where = `${c.service} / ${c.hazard}`;
  const hazardIndex = plan.services.find((s) => s.name === c.service)?.hazards.findIndex((h) => h.id === c.hazard) ?? -1;
  const out: Gap[] = [];
  if (c.freshness === "never") {
    out.push({ rule: "R1", severity: row.exerciseEveryMs !== undefined ? "error" : "warning", service: c.service, hazard: c.hazard, field: `hazards.${hazardIndex}`, message: `${where}: never exercised${c.last ? ` (latest attempt ${c.last.outcome})` : ""}` });
    return out;
  }
  const ex = c.lastExercise!;
  if (c.changed) {
    out.push({ rule: "R8", severity: "error", service: c.service, hazard: c.hazard, field: `${c.changed[0]!.part}`, drill: ex, message: `${where}: the plan changed since the last exercise (${ex.startedAt.slice(0, 10)}): ${changeText(c.changed)}; that drill no longer shows this service ready` });
  }
  if (c.dueAt !== undefined && Date.parse(c.dueAt) < Date.parse(r.asOf)) {
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

const IGNORED_SEVERITY = { "other-plan": "info", duplicate: "warning", future: "warning", unreadable: "error" } as const;

/** Journals that did not count: a duplicate or another plan's evidence is noted; an unreadable one cannot be judged. */
export function ignoredGaps(ignored: readonly IgnoredJournal[]): Gap[] {
  return ignored.map((i) => {
    const what = i.service ? `${i.service} / ${i.hazard}: ` : "";
    const message = i.kind === "unreadable"
      ? `${what}could not judge: journal ${i.file} is unreadable (${i.reason})`
      : `${what}journal ${i.file} ignored: ${i.reason}`;
    return { rule: i.kind === "unreadable" ? "R10" as const : "R9" as const, severity: IGNORED_SEVERITY[i.kind], ...(i.service ? { service: i.service } : {}), ...(i.hazard ? { hazard: i.hazard } : {}), message };
  });
}

/** Findings for `drill verify --evidence`: the gaps without readiness' own context. */
export function toFindings(gaps: readonly Gap[]): ReadinessFinding[] {
  return gaps.map(({ rule, severity, service, field, message }) => ({ rule, severity, service, ...(field ? { field } : {}), message }));
}
