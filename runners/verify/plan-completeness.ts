// Is the plan the whole plan? Findings for what a plan can hold and still
// mislead a reviewer:
//   P1 a CriticalService declared in the program but left out of declarePlan([...])
//   V8 two hazards with one id, or two failover targets with one name, in a service
//      (scenarios and fault targets name them: the second is unreachable)
//   V9 a hard dependency on a (tier 3+) service that declares no RTO: nobody can
//      show the dependent service's own RTO is achievable
import { CRITICAL_SERVICE_TYPE, type PlanT } from "../../stacks/lib/index.ts";
import type { ResourceGraph } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";

const duplicates = (names: string[]) => [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];

export function checkCompleteness(plan: PlanT, graph: ResourceGraph | undefined): Finding[] {
  const out: Finding[] = [];
  const declared = new Set(plan.services.map((s) => s.name));
  for (const node of graph?.resources.filter((r) => r.type === CRITICAL_SERVICE_TYPE) ?? []) {
    if (!declared.has(node.name)) {
      out.push({ rule: "P1", severity: "error", service: node.name, message: `CriticalService "${node.name}" is declared in the program but not passed to declarePlan([...]): it is in no plan, no drill and no report` });
    }
  }
  for (const s of plan.services) {
    for (const id of duplicates(s.hazards.map((h) => h.id))) {
      out.push({ rule: "V8", severity: "error", service: s.name, field: "hazards", message: `two hazards have the id "${id}": scenarios name hazards by id, so one of them can never be exercised` });
    }
    for (const name of duplicates(s.failoverTargets.map((t) => t.name))) {
      out.push({ rule: "V8", severity: "error", service: s.name, field: "failoverTargets", message: `two failover targets are named "${name}": faults and scenarios name targets, so one of them can never be drilled` });
    }
    s.dependsOn.forEach((d, i) => {
      const dep = plan.services.find((x) => x.name === d.service);
      // A tier 1–2 dependency without an RTO is already V1's finding.
      if (d.kind !== "hard" || !dep || dep.objectives.rto !== undefined || dep.tier <= 2) return;
      out.push({ rule: "V9", severity: s.tier <= 2 ? "error" : "warning", service: s.name, field: `dependsOn[${i}]`, message: `depends hard on "${d.service}", which declares no RTO: this service's RTO ${s.objectives.rto ?? "(none)"} cannot be shown achievable` });
    });
  }
  return out;
}
