// Infrastructure checks from the resource graph (I-rules): does the
// infrastructure a plan relies on have the redundancy and the safety nets the
// plan assumes? Each rule reads resources by type; findings name the resource
// and, where the graph attributes it, the critical service it carries.
//   I1 database: a second instance in another zone
//   I2 cache: automatic failover, Multi-AZ, a replica
//   I3 Auto Scaling group: two zones, two instances
//   I4 FIS experiment template: a stop condition
//   I5 FIS role: no destructive action on "*"
//   I6 DNS failover: a health check and a secondary
//   I7 no lone instance, task, replica or node (EC2, ECS, Kubernetes, Redshift, OpenSearch, MQ)
import type { PlanT } from "../../stacks/lib/index.ts";
import type { ResourceGraph } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { I2 } from "./infra-cache.ts";
import { I1 } from "./infra-database.ts";
import { I6 } from "./infra-dns.ts";
import { I5 } from "./infra-fis-role.ts";
import { I4 } from "./infra-fis-stop.ts";
import { infraGraph } from "./infra-graph.ts";
import type { InfraRule } from "./infra-rule.ts";
import { I3 } from "./infra-web.ts";
import { I7 } from "./infra-spof.ts";

export const INFRA_RULES: readonly InfraRule[] = [I1, I2, I3, I4, I5, I6, I7];

export function checkInfrastructure(_plan: PlanT | undefined, graph: ResourceGraph): Finding[] {
  const g = infraGraph(graph);
  return INFRA_RULES.flatMap((rule) => rule.check(g));
}
