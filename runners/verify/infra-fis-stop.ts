// I4: every FIS experiment template has a stop condition. A drill injects real
// faults into a real system; without an alarm to stop it, an experiment that
// hurts more than planned keeps hurting until someone notices.
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { input, TYPES, type InfraGraph } from "./infra-graph.ts";
import { infraFinding, type InfraRule } from "./infra-rule.ts";

function checkTemplate(graph: InfraGraph, template: ResourceNode): Finding[] {
  const conditions = input<{ source?: string }[]>(template, "stopConditions") ?? [];
  const real = conditions.filter((c) => c?.source && c.source !== "none");
  if (real.length > 0) return [];
  const why = conditions.length === 0 ? "declares no stop condition" : 'stops only on "none"';
  return [infraFinding("I4", "error", graph, template, `${why}: nothing stops the experiment if it hurts more than planned; add a CloudWatch alarm (source "aws:cloudwatch:alarm")`)];
}

export const I4: InfraRule = {
  id: "I4",
  title: "every FIS experiment template stops on an alarm",
  // aws-native templates carry the same stopConditions list ({ source, value }).
  check: (graph) => [...graph.ofType(TYPES.experimentTemplate), ...graph.ofType(TYPES.nativeExperimentTemplate)].flatMap((t) => checkTemplate(graph, t)),
};
