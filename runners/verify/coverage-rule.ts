// V5: every hazard a tier 1–2 service must survive is exercised by at least one
// scenario. A hazard without one is a claim nobody has tested.
import type { PlanT } from "../../stacks/lib/index.ts";
import type { Finding } from "./finding.ts";

export interface Coverage {
  service: string;
  hazard: string;
  scenario: string;
}

export function checkCoverage(plan: PlanT, coverage: readonly Coverage[]): Finding[] {
  return plan.services
    .filter((s) => s.tier <= 2)
    .flatMap((s) =>
      s.hazards
        .map((h, i) => ({ h, i }))
        .filter(({ h }) => !coverage.some((c) => c.service === s.name && c.hazard === h.id))
        .map(({ h, i }) => ({
          rule: "V5",
          severity: "error" as const,
          service: s.name,
          field: `hazards[${i}]`,
          message: `hazard "${h.id}" (${h.title}) has no scenario: untested`,
        })),
    );
}

/** Scenarios that name a service or hazard the plan does not declare. */
export function checkScenarioNames(plan: PlanT, coverage: readonly Coverage[]): Finding[] {
  return coverage.flatMap((c) => {
    const service = plan.services.find((s) => s.name === c.service);
    if (!service) return [{ rule: "V5", severity: "error" as const, message: `scenario ${c.scenario} names service "${c.service}", which the plan does not declare` }];
    if (!service.hazards.some((h) => h.id === c.hazard)) {
      return [{ rule: "V5", severity: "error" as const, service: c.service, message: `scenario ${c.scenario} names hazard "${c.hazard}", which service "${c.service}" does not declare` }];
    }
    return [];
  });
}
