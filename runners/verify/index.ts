// `drill verify`: static checks of the plan, its scenario coverage and (where a
// resource graph is known) the infrastructure that carries it.
import type { PlanT } from "../../stacks/lib/index.ts";
import type { ResourceGraph } from "../plan/resource-graph.ts";
import { importScenario, listScenarioFiles } from "../scenarios/discover.ts";
import { checkCoverage, checkScenarioNames, type Coverage } from "./coverage-rule.ts";
import type { Finding } from "./finding.ts";
import { checkPlan } from "./plan-rules.ts";
import { checkInfrastructure } from "./infra-rules.ts";

export type { Finding, Severity } from "./finding.ts";
export type { Coverage } from "./coverage-rule.ts";

export interface VerifyInput {
  plan: PlanT;
  graph?: ResourceGraph;
  coverage: readonly Coverage[];
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function verify(input: VerifyInput): Finding[] {
  const findings = [
    ...checkPlan(input.plan),
    ...checkCoverage(input.plan, input.coverage),
    ...checkScenarioNames(input.plan, input.coverage),
    ...(input.graph ? checkInfrastructure(input.plan, input.graph) : []),
  ];
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule) || (a.service ?? "").localeCompare(b.service ?? ""));
}

/** Which service/hazard each scenario file in `dir` exercises. */
export async function scenarioCoverage(dir: string): Promise<Coverage[]> {
  const out: Coverage[] = [];
  for (const file of listScenarioFiles(dir)) {
    const { value, defaultName } = await importScenario(file);
    const v = value as { service?: unknown; hazard?: unknown; name?: unknown };
    if (typeof v.service === "string" && typeof v.hazard === "string") {
      out.push({ service: v.service, hazard: v.hazard, scenario: typeof v.name === "string" ? v.name : defaultName });
    }
  }
  return out;
}
