// `drill run --due`: of the stack's scenarios, exactly those whose service and
// hazard are due by the plan's own schedule — never exercised, last exercised
// longer ago than the service's exerciseEvery, or stale because the plan
// changed since — judged from the evidence, each with the reason said.
import type { PlanT } from "../../stacks/lib/index.ts";
import { eprintln, paint } from "./output.ts";

export async function selectDue<D extends { name: string; service: { name: string }; hazard: { id: string } }>(drills: D[], plan: PlanT, evidenceDir: string): Promise<D[]> {
  const reports = await import("../../reports/index.ts");
  const { existsSync } = await import("node:fs");
  const set = existsSync(evidenceDir) ? await reports.readEvidence([evidenceDir]) : { journals: [], ignored: [] };
  const rows = reports.scheduleRows(plan, reports.readiness(plan, set, new Date()));
  const due = drills.flatMap((d) => {
    const row = rows.find((r) => r.service === d.service.name && r.hazard === d.hazard.id);
    return row?.dueBecause ? [{ d, why: row.dueBecause }] : [];
  });
  eprintln(paint.bold(`due by the plan's schedule (evidence ${evidenceDir}): ${due.length} of ${drills.length} scenario(s)`));
  for (const { d, why } of due) eprintln(`  ${d.name} (${d.service.name} / ${d.hazard.id}): ${why}`);
  return due.map((x) => x.d);
}
