// Reading the resource graph for infrastructure rules: which resources belong
// to which critical service, and how to name a resource in a finding. A
// service owns what its CriticalService depends on and everything parented
// below that (a component's children); other services are not followed, so a
// dependency between services never makes one own the other's infrastructure.
import { CRITICAL_SERVICE_TYPE } from "../../stacks/lib/index.ts";
import type { ResourceGraph, ResourceNode } from "../plan/resource-graph.ts";

export interface InfraGraph {
  nodes: readonly ResourceNode[];
  byUrn: ReadonlyMap<string, ResourceNode>;
  /** The critical service a resource serves, when the graph says so. */
  serviceOf(node: ResourceNode): string | undefined;
  ofType(type: string): ResourceNode[];
  /** Resources this one depends on (explicitly or through its inputs), of a type. */
  dependenciesOf(node: ResourceNode, type: string): ResourceNode[];
  /** Resources of a type that depend on this one. */
  dependentsOf(node: ResourceNode, type: string): ResourceNode[];
}

export function infraGraph(graph: ResourceGraph): InfraGraph {
  const nodes = graph.resources;
  const byUrn = new Map(nodes.map((n) => [n.urn, n]));
  const children = new Map<string, ResourceNode[]>();
  for (const n of nodes) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);

  const owner = new Map<string, string>();
  for (const svc of nodes.filter((n) => n.type === CRITICAL_SERVICE_TYPE)) {
    const queue = svc.dependencies.map((u) => byUrn.get(u)).filter((n): n is ResourceNode => n !== undefined && n.type !== CRITICAL_SERVICE_TYPE);
    while (queue.length > 0) {
      const n = queue.shift()!;
      if (owner.has(n.urn)) continue;
      owner.set(n.urn, svc.name);
      queue.push(...(children.get(n.urn) ?? []));
    }
  }
  return {
    nodes,
    byUrn,
    serviceOf: (n) => owner.get(n.urn),
    ofType: (type) => nodes.filter((n) => n.type === type),
    dependenciesOf: (n, type) => n.dependencies.map((u) => byUrn.get(u)).filter((d): d is ResourceNode => d?.type === type),
    dependentsOf: (n, type) => nodes.filter((d) => d.type === type && d.dependencies.includes(n.urn)),
  };
}

/** "orders-db-cluster-cluster (aws:rds/cluster:Cluster)": what a reader can find in the program. */
export const resourceLabel = (n: ResourceNode) => `${n.name} (${n.type})`;

export const input = <T = unknown>(n: ResourceNode, key: string): T | undefined => n.inputs[key] as T | undefined;

export const TYPES = {
  rdsCluster: "aws:rds/cluster:Cluster",
  rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
  rdsInstance: "aws:rds/instance:Instance",
  replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  cacheCluster: "aws:elasticache/cluster:Cluster",
  autoscalingGroup: "aws:autoscaling/group:Group",
  subnet: "aws:ec2/subnet:Subnet",
  experimentTemplate: "aws:fis/experimentTemplate:ExperimentTemplate",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  policy: "aws:iam/policy:Policy",
  record: "aws:route53/record:Record",
  nativeExperimentTemplate: "aws-native:fis:ExperimentTemplate",
  nativeRole: "aws-native:iam:Role",
  nativeRolePolicy: "aws-native:iam:RolePolicy",
} as const;
