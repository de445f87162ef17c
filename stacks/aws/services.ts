// The plan entries of the AWS reference: the same three services as the local
// stack, with objectives that fit what the AWS mechanisms can do (an Aurora
// failover takes ~30–60 s, an ElastiCache Multi-AZ failover up to ~2 min),
// failover targets naming the real resources, and each hazard's FIS
// experiment template as an endpoint `fis:<hazard>` that scenarios target.
import * as pulumi from "@pulumi/pulumi";
import { CriticalService } from "../lib/index.ts";

const NODE_LOSS = { id: "node-loss", title: "An instance or node dies (hardware, host retirement, OOM)", likelihood: "possible", impact: "major" } as const;
const ZONE_LOSS = { id: "zone-loss", title: "An availability zone is lost: power or network", likelihood: "unlikely", impact: "severe" } as const;

type Str = pulumi.Input<string>;
/** The infrastructure a service runs on: its dependencies in the resource graph, which `drill verify` checks. */
type Resources = pulumi.Resource[];

export interface OrdersDbInputs { url: Str; readerUrl: Str; instances: { id: string; address: Str }[]; nodeLoss: Str; infra: Resources }
export interface SessionsCacheInputs { url: Str; readerUrl: Str; primary: string; replicas: string[]; endpoints: Record<string, Str>; zoneLoss: Str; infra: Resources }
export interface WebInputs { url: Str; zones: readonly string[]; nodeLoss: Str; zoneLoss: Str; infra: Resources }

export function ordersDbService(i: OrdersDbInputs): CriticalService {
  return new CriticalService("orders-db", {
    tier: 1,
    owner: "team-payments",
    description: "Order records on Aurora PostgreSQL. Every accepted order must survive the loss of the writer or its zone.",
    objectives: { rto: "1m", rpo: "0s", mtpd: "4h", minAvailability: 0, exerciseEvery: "30d" },
    endpoints: { primary: i.url, reader: i.readerUrl, "fis:node-loss": i.nodeLoss },
    failoverTargets: [{
      name: "orders-db-reader", kind: "replica", mechanism: "automatic", via: "aurora",
      // Aurora's shared storage commits on a quorum across zones: the reader has every acknowledged write.
      replication: "synchronous",
      primary: i.instances[0]!.id, standbys: i.instances.slice(1).map((x) => x.id),
      endpoints: Object.fromEntries(i.instances.map((x) => [x.id, x.address])),
    }],
    hazards: [NODE_LOSS],
    runbook: [
      { step: "Aurora promotes the reader in the other zone and moves the cluster endpoint to it", role: "automation", automated: true },
      { step: "Confirm the writer: aws rds describe-db-clusters (DBClusterMembers[].IsClusterWriter)", role: "dba", automated: false, target: "5m" },
      { step: "Fail back so the writer is in the first zone again: aws rds failover-db-cluster --target-db-instance-identifier …", role: "dba", automated: false, target: "15m" },
    ],
  }, { dependsOn: i.infra });
}

export function sessionsCacheService(i: SessionsCacheInputs): CriticalService {
  return new CriticalService("sessions-cache", {
    tier: 2,
    owner: "team-web",
    description: "User sessions on ElastiCache. Losing the last seconds of session updates is tolerable; losing the cache for long is not.",
    objectives: { rto: "2m", rpo: "5s", mtpd: "1h", minAvailability: 0, exerciseEvery: "30d" },
    endpoints: { primary: i.url, reader: i.readerUrl, "fis:zone-loss": i.zoneLoss },
    failoverTargets: [{
      name: "sessions-cache-replica", kind: "replica", mechanism: "automatic", via: "elasticache-multi-az",
      replication: "asynchronous", primary: i.primary, standbys: i.replicas, endpoints: i.endpoints,
    }],
    hazards: [ZONE_LOSS],
    runbook: [
      { step: "ElastiCache promotes the replica with the least lag and repoints the primary endpoint", role: "automation", automated: true },
      { step: "Check roles: aws elasticache describe-replication-groups (NodeGroupMembers[].CurrentRole)", role: "sre", automated: false, target: "5m" },
    ],
  }, { dependsOn: i.infra });
}

export function webService(i: WebInputs, ordersDb: CriticalService, sessionsCache: CriticalService): CriticalService {
  return new CriticalService("web", {
    tier: 1,
    owner: "team-web",
    description: "The storefront API behind an Application Load Balancer, instances in every zone; stateless itself.",
    objectives: { rto: "2m", rpo: "0s", mtpd: "4h", minAvailability: 50, exerciseEvery: "30d" },
    endpoints: { http: i.url, "fis:node-loss": i.nodeLoss, "fis:zone-loss": i.zoneLoss },
    failoverTargets: [
      {
        name: "web-zones", kind: "zone", mechanism: "automatic", via: "alb+autoscaling", replication: "none",
        primary: `web-${i.zones[0]}`, standbys: i.zones.slice(1).map((z) => `web-${z}`), endpoints: {},
      },
      { name: "web-maintenance-page", kind: "standby", mechanism: "automatic", via: "route53-failover", replication: "none", primary: "alb", standbys: ["maintenance-page"], endpoints: {} },
    ],
    dependsOn: [{ service: ordersDb, kind: "hard" }, { service: sessionsCache, kind: "hard" }],
    hazards: [NODE_LOSS, ZONE_LOSS],
    runbook: [
      { step: "Target-group health checks take the lost instances out; the Auto Scaling group replaces them", role: "automation", automated: true },
      { step: "If every instance is down, Route 53 serves the maintenance page until /healthz answers again", role: "automation", automated: true },
      { step: "Check capacity: aws autoscaling describe-auto-scaling-groups; raise desired capacity in the healthy zones", role: "sre", automated: false, target: "10m" },
    ],
  }, { dependsOn: i.infra });
}
