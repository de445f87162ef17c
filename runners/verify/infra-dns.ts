// I6: DNS failover can actually fail over. Route 53 answers with a PRIMARY
// failover record for as long as it is considered healthy — without a health
// check (or an alias that evaluates its target's health) that is forever; and
// without a SECONDARY record there is nothing to fail over to.
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { input, TYPES, type InfraGraph } from "./infra-graph.ts";
import { infraFinding, type InfraRule } from "./infra-rule.ts";

const failoverType = (r: ResourceNode) => input<{ type?: string }[]>(r, "failoverRoutingPolicies")?.[0]?.type;
const sameName = (a: ResourceNode, b: ResourceNode) => input(a, "name") === input(b, "name") && input(a, "zoneId") === input(b, "zoneId");

function checkPrimary(graph: InfraGraph, record: ResourceNode, records: ResourceNode[]): Finding[] {
  const out: Finding[] = [];
  const evaluates = (input<{ evaluateTargetHealth?: boolean }[]>(record, "aliases") ?? []).some((a) => a?.evaluateTargetHealth === true);
  if (input(record, "healthCheckId") === undefined && !evaluates) {
    out.push(infraFinding("I6", "error", graph, record, "PRIMARY failover record without a health check: Route 53 keeps answering with it when it is down"));
  }
  if (!records.some((r) => failoverType(r) === "SECONDARY" && sameName(r, record))) {
    out.push(infraFinding("I6", "warning", graph, record, `PRIMARY failover record for ${String(input(record, "name"))} has no SECONDARY: there is nothing to fail over to`));
  }
  return out;
}

export const I6: InfraRule = {
  id: "I6",
  title: "a DNS failover record is health-checked and has a secondary",
  check: (graph) => {
    const records = graph.ofType(TYPES.record);
    return records.filter((r) => failoverType(r) === "PRIMARY").flatMap((r) => checkPrimary(graph, r, records));
  },
};
