// The local reference system: `web` (two app instances behind HAProxy) depends
// hard on `orders-db` (PostgreSQL + pg_auto_failover, or Patroni + etcd) and `sessions-cache`
// (Redis + Sentinel). Everything runs on 127.0.0.1; `drill env up` starts it.
import { inputError } from "../../core/errors.ts";
import * as pulumi from "@pulumi/pulumi";
import { CriticalService, declarePlan } from "../lib/index.ts";
import { ordersDbCluster, type OrdersDbConfig } from "./orders-db-cluster.ts";
import { RedisSentinel, type NamedPort } from "./redis-sentinel.ts";
import { HaproxyWeb } from "./haproxy-web.ts";
import { ClientProxies } from "./client-proxies.ts";

const config = new pulumi.Config("continuity-drill");
const host = config.get("host") ?? "127.0.0.1";
const db = config.requireObject<OrdersDbConfig>("ordersDb");
const cache = config.requireObject<{ masterName: string; nodes: NamedPort[]; sentinels: NamedPort[] }>("sessionsCache");
const web = config.requireObject<{ frontendPort: number; statsPort: number; instances: NamedPort[] }>("web");
const proxyConfig = config.getObject<{ controlPort: number; routes: { node: string; port: number }[] }>("clientProxies");

const NODE_LOSS = { id: "node-loss", title: "A node dies (host crash, OOM kill)", likelihood: "possible", impact: "major" } as const;
const PROCESS_HANG = { id: "process-hang", title: "A process hangs but keeps its sockets open", likelihood: "unlikely", impact: "major" } as const;
const PARTITION = { id: "network-partition", title: "A node is cut off from its clients and peers", likelihood: "unlikely", impact: "severe" } as const;
const DEP_LATENCY = { id: "dependency-latency", title: "A dependency answers, but slowly", likelihood: "likely", impact: "moderate" } as const;

const pg = ordersDbCluster(host, db, `Pulumi.${pulumi.getStack()}.yaml`);
const redis = new RedisSentinel("sessions-cache-cluster", { host, masterName: cache.masterName, nodes: cache.nodes, sentinels: cache.sentinels });
const lb = new HaproxyWeb("web-tier", { host, frontendPort: web.frontendPort, statsPort: web.statsPort, instances: web.instances });

const upstreams = new Map([...db.nodes, ...cache.nodes].map((n) => [n.name, n.port]));
if (proxyConfig) {
  for (const r of proxyConfig.routes) {
    if (!upstreams.has(r.node)) throw inputError(`continuity-drill:clientProxies: route for "${r.node}", which is not a node of orders-db or sessions-cache`);
  }
  new ClientProxies("web-client-proxies", {
    host,
    controlPort: proxyConfig.controlPort,
    routes: proxyConfig.routes.map((r) => ({ node: r.node, listenPort: r.port, upstreamPort: upstreams.get(r.node)! })),
  }, { dependsOn: [pg.resource, redis] });
}

export const ordersDb = new CriticalService("orders-db", {
  tier: 1,
  owner: "team-payments",
  description: "Order records. Every accepted order must survive the loss of a database node.",
  objectives: { rto: "30s", rpo: "0s", mtpd: "4h", minAvailability: 0, exerciseEvery: "30d" },
  endpoints: { primary: pg.clientUrl },
  failoverTargets: [{
    name: "orders-db-standby",
    kind: "standby",
    mechanism: "automatic",
    via: pg.via,
    replication: pg.replication,
    primary: db.nodes[0]!.name,
    standbys: db.nodes.slice(1).map((n) => n.name),
    endpoints: pg.endpoints,
  }],
  // A hung Patroni leader is a finding of its own (the resumed old leader may take its key back,
  // docs/patroni.md), drilled by scenarios/local-patroni; the pg_auto_failover stack does not drill it yet.
  hazards: pg.via === "patroni" ? [NODE_LOSS, PROCESS_HANG, PARTITION] : [NODE_LOSS, PARTITION],
  runbook: pg.runbook,
}, { dependsOn: [pg.resource] });

export const sessionsCache = new CriticalService("sessions-cache", {
  tier: 2,
  owner: "team-web",
  description: "User sessions. Losing the last second of session updates is tolerable; losing the cache for long is not.",
  objectives: { rto: "10s", rpo: "5s", mtpd: "1h", minAvailability: 0, exerciseEvery: "30d" },
  endpoints: { sentinels: redis.sentinelUrl },
  failoverTargets: [{
    name: "sessions-cache-replica",
    kind: "replica",
    mechanism: "automatic",
    via: "redis-sentinel",
    replication: "asynchronous",
    primary: cache.nodes[0]!.name,
    standbys: cache.nodes.slice(1).map((n) => n.name),
    endpoints: redis.endpoints,
  }],
  hazards: [NODE_LOSS, PROCESS_HANG],
  runbook: [
    { step: "Sentinels agree the primary is down (quorum 2) and promote the replica", role: "automation", automated: true },
    { step: `Check roles: redis-cli -p ${cache.sentinels[0]!.port} sentinel get-master-addr-by-name ${cache.masterName}`, role: "sre", automated: false, target: "5m" },
    { step: "Restart the failed node; Sentinel reconfigures it as a replica: drill env heal", role: "sre", automated: false, target: "15m" },
  ],
}, { dependsOn: [redis] });

export const webService = new CriticalService("web", {
  tier: 1,
  owner: "team-web",
  description: "The storefront API. Takes orders and keeps sessions; stateless itself.",
  objectives: { rto: "1m", rpo: "0s", mtpd: "4h", minAvailability: 50, exerciseEvery: "30d" },
  endpoints: { http: lb.url },
  failoverTargets: [{
    name: "web-instances",
    kind: "instance",
    mechanism: "automatic",
    via: "haproxy",
    replication: "none",
    primary: web.instances[0]!.name,
    standbys: web.instances.slice(1).map((i) => i.name),
    endpoints: lb.endpoints,
  }],
  dependsOn: [
    { service: ordersDb, kind: "hard" },
    { service: sessionsCache, kind: "hard" },
  ],
  hazards: [NODE_LOSS, DEP_LATENCY],
  runbook: [
    { step: "HAProxy health checks take the dead instance out; retries with redispatch hide the loss from clients", role: "automation", automated: true },
    { step: "Restart the instance: drill env heal", role: "sre", automated: false, target: "15m" },
  ],
}, { dependsOn: [lb] });

export const plan = declarePlan([ordersDb, sessionsCache, webService], { target: "local" });
