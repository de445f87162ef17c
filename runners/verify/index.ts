// `drill verify`: static checks of the plan, its scenario coverage and (where a
// resource graph is known) the infrastructure that carries it.
import type { PlanT } from "../../stacks/lib/index.ts";
import type { ResourceGraph } from "../plan/resource-graph.ts";
import { kindOf, messageOf } from "../../core/errors.ts";
import { listScenarioFiles } from "../scenarios/discover.ts";
import { checkCoverage, checkScenarioNames, type Coverage } from "./coverage-rule.ts";
import type { Finding } from "./finding.ts";
import { checkPlan } from "./plan-rules.ts";
import { checkCompleteness } from "./plan-completeness.ts";
import { checkInfrastructure } from "./infra-rules.ts";

export type { Finding, Severity } from "./finding.ts";
export type { Coverage } from "./coverage-rule.ts";

export interface VerifyInput {
  plan: PlanT;
  graph?: ResourceGraph;
  coverage: readonly Coverage[];
  /** Scenarios that do not validate (rule S1), from scenarioCoverage. */
  scenarioFindings?: readonly Finding[];
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function verify(input: VerifyInput): Finding[] {
  const findings = [
    ...checkPlan(input.plan),
    ...checkCompleteness(input.plan, input.graph),
    ...checkCoverage(input.plan, input.coverage),
    ...checkScenarioNames(input.plan, input.coverage),
    ...(input.scenarioFindings ?? []),
    ...(input.graph ? checkInfrastructure(input.plan, input.graph) : []),
  ];
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule) || (a.service ?? "").localeCompare(b.service ?? ""));
}

/** The infrastructure rules alone, for a program that exports no plan (yet). */
export function verifyInfrastructure(graph: ResourceGraph): Finding[] {
  return checkInfrastructure(undefined, graph).sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule));
}

export interface ScenarioCheck {
  coverage: Coverage[];
  /** One finding per scenario that does not validate as `drill run` would validate it (rule S1). */
  findings: Finding[];
}

/**
 * Which service/hazard each scenario file in `dir` exercises, after validating
 * it exactly as `drill run` does (prepareDrill): an invalid scenario is an
 * error finding listing all its problems, and is not coverage.
 */
export async function scenarioCoverage(dir: string, plan: PlanT, origin: string): Promise<ScenarioCheck> {
  const { prepareDrill } = await import("../drill/prepare.ts");
  const out: ScenarioCheck = { coverage: [], findings: [] };
  for (const file of listScenarioFiles(dir)) {
    try {
      const drill = await prepareDrill(file, plan, origin);
      out.coverage.push({ service: drill.service.name, hazard: drill.hazard.id, scenario: drill.name });
    } catch (error) {
      if (kindOf(error) !== "input") throw error;
      const text = messageOf(error);
      const message = text.startsWith(`${file}: `) ? text.slice(file.length + 2) : text;
      out.findings.push({ rule: "S1", severity: "error", message: `${message}\n(not counted as coverage)`, scenario: file });
    }
  }
  return out;
}
