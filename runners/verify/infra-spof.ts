// I7: single points of failure no other rule covers, as a continuity reviewer
// finds them in real programs. Serving a critical service (attributed by
// dependencies or endpoints) they are errors; unattributed, warnings.
//   - one EC2 instance serving a service (no Auto Scaling group, no second instance)
//   - an ECS service that runs one task
//   - a Kubernetes Deployment or StatefulSet with one replica (the default)
//   - a single-node Redshift cluster, OpenSearch domain with one instance, an
//     Amazon MQ broker in SINGLE_INSTANCE mode (the default)
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { input, type InfraGraph } from "./infra-graph.ts";
import { infraFinding, type InfraRule } from "./infra-rule.ts";

const EC2 = "aws:ec2/instance:Instance";
const ECS_SERVICE = "aws:ecs/service:Service";
const K8S_WORKLOADS = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"];
const REDSHIFT = "aws:redshift/cluster:Cluster";
const OPENSEARCH = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"];
const MQ = "aws:mq/broker:Broker";

function finding(graph: InfraGraph, node: ResourceNode, what: string): Finding[] {
  const service = graph.serviceOf(node);
  return [infraFinding("I7", service ? "error" : "warning", graph, node, `${what}${service ? "" : " (no plan ties it to a service: a warning)"}`)];
}

function loneInstances(graph: InfraGraph): Finding[] {
  const byService = new Map<string, ResourceNode[]>();
  for (const i of graph.ofType(EC2)) {
    const s = graph.serviceOf(i);
    if (s) byService.set(s, [...(byService.get(s) ?? []), i]);
  }
  return [...byService.values()].filter((is) => is.length === 1).flatMap(([i]) => finding(graph, i!, "is the only EC2 instance serving this service: its loss (host failure, zone loss) is an outage until someone rebuilds it"));
}

function replicasOf(node: ResourceNode): number {
  const spec = input<{ replicas?: unknown }>(node, "spec");
  return Number(spec?.replicas ?? 1);
}

export const I7: InfraRule = {
  id: "I7",
  title: "no single instance, task, replica or node carries a service alone",
  check: (graph) => [
    ...loneInstances(graph),
    ...graph.ofType(ECS_SERVICE).filter((s) => Number(input(s, "desiredCount") ?? 0) === 1 && input(s, "schedulingStrategy") !== "DAEMON")
      .flatMap((s) => finding(graph, s, "runs one task (desiredCount 1): a task or zone loss is an outage until ECS places a new one")),
    ...K8S_WORKLOADS.flatMap((t) => graph.ofType(t)).filter((w) => replicasOf(w) <= 1)
      .flatMap((w) => finding(graph, w, `runs ${replicasOf(w)} replica: losing its pod or node is an outage until it is rescheduled`)),
    ...graph.ofType(REDSHIFT).filter((c) => input(c, "clusterType") === "single-node" || Number(input(c, "numberOfNodes") ?? 1) <= 1)
      .flatMap((c) => finding(graph, c, "is a single-node Redshift cluster: a node failure loses the cluster until it is restored from a snapshot")),
    ...OPENSEARCH.flatMap((t) => graph.ofType(t)).filter((d) => Number(input<{ instanceCount?: unknown }>(d, "clusterConfig")?.instanceCount ?? 1) <= 1)
      .flatMap((d) => finding(graph, d, "has one data node: its loss is an outage and can lose the domain's data")),
    ...graph.ofType(MQ).filter((b) => (input(b, "deploymentMode") ?? "SINGLE_INSTANCE") === "SINGLE_INSTANCE")
      .flatMap((b) => finding(graph, b, "is a SINGLE_INSTANCE broker: use ACTIVE_STANDBY_MULTI_AZ (or a cluster) to survive a broker or zone loss")),
  ],
};
