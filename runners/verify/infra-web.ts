// I3: an Auto Scaling group survives an instance's and a zone's loss: its
// subnets span at least two zones and it keeps at least two instances. Zones
// are read from the subnets the group depends on; without them, from its own
// availabilityZones, else from how many subnets it names.
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { input, TYPES, type InfraGraph } from "./infra-graph.ts";
import { infraFinding, type InfraRule } from "./infra-rule.ts";

function zonesOf(graph: InfraGraph, group: ResourceNode): { zones?: Set<string>; subnets: number } {
  const subnetIds = input<unknown[]>(group, "vpcZoneIdentifiers") ?? [];
  const fromSubnets = graph.dependenciesOf(group, TYPES.subnet).map((s) => input<string>(s, "availabilityZone")).filter((z): z is string => typeof z === "string");
  if (fromSubnets.length > 0) return { zones: new Set(fromSubnets), subnets: subnetIds.length };
  const own = input<string[]>(group, "availabilityZones");
  return { zones: Array.isArray(own) && own.length > 0 ? new Set(own) : undefined, subnets: subnetIds.length };
}

function checkGroup(graph: InfraGraph, group: ResourceNode): Finding[] {
  const out: Finding[] = [];
  const { zones, subnets } = zonesOf(graph, group);
  if (zones !== undefined && zones.size < 2) {
    out.push(infraFinding("I3", "error", graph, group, `every instance runs in ${[...zones][0]}: losing that zone takes the whole group`));
  } else if (zones === undefined && subnets < 2) {
    out.push(infraFinding("I3", "error", graph, group, `names ${subnets} subnet(s): a group in one subnet lives in one zone`));
  }
  const min = input<number>(group, "minSize");
  if (typeof min === "number" && min < 2) {
    out.push(infraFinding("I3", "error", graph, group, `minSize ${min}: losing its one instance is an outage until a replacement boots`));
  }
  return out;
}

export const I3: InfraRule = {
  id: "I3",
  title: "an Auto Scaling group spans two zones and keeps two instances",
  // A group looked up with .get() (awsx classic's, made by a CloudFormation stack) has no settings here to judge.
  check: (graph) => graph.ofType(TYPES.autoscalingGroup).filter((g) => !g.read).flatMap((g) => checkGroup(graph, g)),
};
