// The shape of an infrastructure rule, and how it words a finding: rule id,
// severity, the service the resource serves (when the graph says), and the
// resource by name and type.
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding, RuleInfo, Severity } from "./finding.ts";
import { resourceLabel, type InfraGraph } from "./infra-graph.ts";

export interface InfraRule extends RuleInfo {
  check(graph: InfraGraph): Finding[];
}

export function infraFinding(rule: string, severity: Severity, graph: InfraGraph, node: ResourceNode, message: string): Finding {
  const service = graph.serviceOf(node);
  return { rule, severity, ...(service ? { service } : {}), resource: resourceLabel(node), message };
}
