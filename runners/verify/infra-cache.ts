// I2: a cache can fail over by itself. An ElastiCache replication group needs
// automatic failover and Multi-AZ on, a replica, and its nodes in more than
// one zone; a lone cache cluster node serving a critical service has no
// replica at all.
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { input, TYPES, type InfraGraph } from "./infra-graph.ts";
import { infraFinding, type InfraRule } from "./infra-rule.ts";

/** Nodes per shard: numCacheClusters (cluster mode off) or replicas + 1 (cluster mode on). */
function nodesPerShard(group: ResourceNode): number | undefined {
  const clusters = input<number>(group, "numCacheClusters");
  if (clusters !== undefined) return clusters;
  const replicas = input<number>(group, "replicasPerNodeGroup");
  return replicas === undefined ? undefined : replicas + 1;
}

function checkGroup(graph: InfraGraph, group: ResourceNode): Finding[] {
  const problems: string[] = [];
  if (input(group, "automaticFailoverEnabled") !== true) problems.push("automaticFailoverEnabled is off: a primary's loss waits for a human to promote a replica");
  if (input(group, "multiAzEnabled") !== true) problems.push("multiAzEnabled is off: ElastiCache will not fail over across zones");
  const nodes = nodesPerShard(group);
  if (nodes !== undefined && nodes < 2) problems.push(`${nodes} node per shard: there is no replica to promote`);
  const zones = input<string[]>(group, "preferredCacheClusterAzs");
  if (Array.isArray(zones) && zones.length > 1 && new Set(zones).size < 2) problems.push(`every node is placed in ${zones[0]}: losing that zone loses the primary and its replicas`);
  return problems.map((p) => infraFinding("I2", "error", graph, group, p));
}

function checkLoneNode(graph: InfraGraph, node: ResourceNode): Finding[] {
  // A member of a replication group is covered by the group's checks.
  if (input(node, "replicationGroupId") !== undefined) return [];
  // A Memcached cluster of several nodes loses a share of its keys, not all of them.
  const count = Number(input(node, "numCacheNodes") ?? 1);
  if (count > 1) return [];
  // Serving a critical service it is an error; otherwise (no plan says what it serves) a warning.
  if (graph.serviceOf(node) === undefined) return [infraFinding("I2", "warning", graph, node, "is a single cache node: no replica, no failover; whatever uses it loses its data and waits for a new node when it fails")];
  return [infraFinding("I2", "error", graph, node, "a single cache node serves this service: no replica, no failover")];
}

export const I2: InfraRule = {
  id: "I2",
  title: "a cache replication group fails over automatically across zones",
  check: (graph) => [
    ...graph.ofType(TYPES.replicationGroup).flatMap((g) => checkGroup(graph, g)),
    ...graph.ofType(TYPES.cacheCluster).flatMap((n) => checkLoneNode(graph, n)),
  ],
};
