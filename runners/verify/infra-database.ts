// I1: a database has a second instance in another zone to fail over to. An
// Aurora cluster with one instance "fails over" by creating a new one (about
// ten minutes); two instances in one zone both go with the zone. A plain RDS
// instance needs Multi-AZ for a standby at all.
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { input, TYPES, type InfraGraph } from "./infra-graph.ts";
import { infraFinding, type InfraRule } from "./infra-rule.ts";

/** Instances of an Aurora cluster: those that take the cluster's id as an input. */
function instancesOf(graph: InfraGraph, cluster: ResourceNode): ResourceNode[] {
  const id = input(cluster, "clusterIdentifier");
  return graph.ofType(TYPES.rdsClusterInstance).filter((i) => i.dependencies.includes(cluster.urn) || (id !== undefined && input(i, "clusterIdentifier") === id));
}

function checkCluster(graph: InfraGraph, cluster: ResourceNode): Finding[] {
  const engine = String(input(cluster, "engine") ?? "aurora");
  // Multi-AZ DB clusters (non-Aurora engines with a cluster instance class) always run three instances in three zones.
  if (!engine.startsWith("aurora") && input(cluster, "dbClusterInstanceClass") !== undefined) return [];
  const instances = instancesOf(graph, cluster);
  const finding = (severity: "error" | "warning", message: string) => [infraFinding("I1", severity, graph, cluster, message)];
  if (instances.length < 2) {
    return finding("error", `has ${instances.length} instance(s): no reader to promote, so losing the writer means waiting for a new instance (~10 min)`);
  }
  const zones = instances.map((i) => input<string>(i, "availabilityZone"));
  const unplaced = instances.filter((_, k) => zones[k] === undefined).map((i) => i.name);
  if (unplaced.length > 0) {
    return finding("warning", `instance(s) ${unplaced.join(", ")} leave their zone to AWS: nothing guarantees a reader outside the writer's zone; set availabilityZone`);
  }
  const distinct = new Set(zones);
  if (distinct.size < 2) return finding("error", `all ${instances.length} instances are in ${[...distinct][0]}: losing that zone loses writer and readers together`);
  return [];
}

function checkInstance(graph: InfraGraph, db: ResourceNode): Finding[] {
  if (input(db, "multiAz") === true || input(db, "replicateSourceDb") !== undefined) return [];
  return [infraFinding("I1", "error", graph, db, "is a single-AZ instance (multiAz not set): there is no standby to fail over to")];
}

export const I1: InfraRule = {
  id: "I1",
  title: "a database has a second instance in another zone",
  check: (graph) => [
    ...graph.ofType(TYPES.rdsCluster).flatMap((c) => checkCluster(graph, c)),
    ...graph.ofType(TYPES.rdsInstance).flatMap((i) => checkInstance(graph, i)),
  ],
};
