// What the stack declares: the local HA components and their inputs, read from
// the program's resource graph under Pulumi mocks. The Pulumi runtime is
// process-global, so the program is evaluated once per process and cached.
import { z } from "zod";
import { DrillError, inputError } from "../../core/errors.ts";
import { evaluateProgram } from "../plan/mock-evaluate.ts";
import { findProgram } from "../plan/pulumi-project.ts";
import { resourcesOfType, type ResourceGraph } from "../plan/resource-graph.ts";
import { POSTGRES_HA_TYPE, PostgresHaInputs } from "../../stacks/local/postgres-ha.ts";
import { DEBIAN_PATRONI, PATRONI_HA_TYPE, PatroniHaInputs } from "../../stacks/local/patroni-ha.ts";
import { REDIS_SENTINEL_TYPE, RedisSentinelInputs } from "../../stacks/local/redis-sentinel.ts";
import { HAPROXY_WEB_TYPE, HaproxyWebInputs } from "../../stacks/local/haproxy-web.ts";
import { CLIENT_PROXIES_TYPE, ClientProxiesArgs } from "../../stacks/local/client-proxies.ts";
import { REPO_ROOT } from "./paths.ts";

// Each component's own inputs schema; the env adds one rule: it binds loopback only.
const loopback = { host: z.literal("127.0.0.1") };
export const pgDecl = PostgresHaInputs.extend(loopback);
export const patroniDecl = PatroniHaInputs.extend(loopback);
export const redisDecl = RedisSentinelInputs.extend(loopback);
export const webDecl = HaproxyWebInputs.extend(loopback);
export const proxiesDecl = ClientProxiesArgs.extend(loopback);

export type PgDecl = z.infer<typeof pgDecl>;
export type PatroniDecl = z.infer<typeof patroniDecl>;
export type ProxiesDecl = z.infer<typeof proxiesDecl>;
export type RedisDecl = z.infer<typeof redisDecl>;
export type WebDecl = z.infer<typeof webDecl>;
/**
 * orders-db is managed by exactly one of pg_auto_failover (`pg`) or Patroni
 * (`patroni`); `ordersDb(decl)` gives what both have.
 */
export interface LocalDecl { stack: string; pg?: PgDecl; patroni?: PatroniDecl; redis: RedisDecl; web: WebDecl; proxies?: ProxiesDecl }

/** orders-db's pg_auto_failover declaration; only called on code paths of that manager. */
export function autoFailoverOf(d: LocalDecl): PgDecl {
  if (!d.pg) throw new DrillError("internal", `stack ${d.stack}: orders-db is not managed by pg_auto_failover here`);
  return d.pg;
}

/** orders-db's Patroni declaration; only called on code paths of that manager. */
export function patroniOf(d: LocalDecl): PatroniDecl {
  if (!d.patroni) throw new DrillError("internal", `stack ${d.stack}: orders-db is not managed by Patroni here`);
  return d.patroni;
}

/** The optional Debian packages this stack's env needs (bootstrap.ts OPTIONAL_PACKAGES). */
export function optionalParts(d: LocalDecl): ("patroni" | "etcd")[] {
  if (!d.patroni) return [];
  return d.patroni.executable === DEBIAN_PATRONI ? ["patroni"] : ["etcd"];
}

/** What orders-db declares under either manager: its host, database and data nodes. */
export function ordersDb(d: LocalDecl): { host: string; database: string; nodes: { name: string; port: number }[] } {
  const db = d.pg ?? d.patroni;
  if (!db) throw inputError(`stack ${d.stack}: no orders-db cluster (${POSTGRES_HA_TYPE} or ${PATRONI_HA_TYPE}) declared`);
  return db;
}

const cache = new Map<string, Promise<LocalDecl>>();

export function loadDeclaration(stack = "local"): Promise<LocalDecl> {
  let found = cache.get(stack);
  if (!found) {
    if (cache.size > 0) throw inputError(`--stack ${stack}: this process already evaluated stack ${[...cache.keys()][0]}; the Pulumi runtime allows one per process`, { field: "--stack" });
    const program = findProgram(REPO_ROOT, stack);
    const target = program.config["continuity-drill:target"];
    if (target !== undefined && target !== "local") {
      throw inputError(`--stack ${stack}: its target is "${target}"; drill env runs only stacks whose continuity-drill:target is "local"`, { field: "--stack" });
    }
    found = evaluateProgram(program).then((e) => fromGraph(stack, e.graph));
    cache.set(stack, found);
  }
  return found;
}

/** Pick the one component of each kind and validate its inputs (the stack may declare other things too). */
export function fromGraph(stack: string, graph: ResourceGraph): LocalDecl {
  const one = <T>(type: string, schema: z.ZodType<T>): T => {
    const nodes = resourcesOfType(graph, type);
    if (nodes.length !== 1) throw inputError(`stack ${stack}: drill env needs exactly one ${type}, found ${nodes.length}`);
    const parsed = schema.safeParse(nodes[0]!.inputs);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw inputError(`stack ${stack}: ${nodes[0]!.name} (${type}) input ${issue.path.join(".")}: ${issue.message}`);
    }
    return parsed.data;
  };
  // Client-path proxies are optional: without them, proxy faults say they cannot be applied.
  const proxies = resourcesOfType(graph, CLIENT_PROXIES_TYPE).length ? one(CLIENT_PROXIES_TYPE, proxiesDecl) : undefined;
  const managers = resourcesOfType(graph, POSTGRES_HA_TYPE).length + resourcesOfType(graph, PATRONI_HA_TYPE).length;
  if (managers !== 1) throw inputError(`stack ${stack}: drill env needs exactly one orders-db cluster (${POSTGRES_HA_TYPE} or ${PATRONI_HA_TYPE}), found ${managers}`);
  const db = resourcesOfType(graph, PATRONI_HA_TYPE).length ? { patroni: one(PATRONI_HA_TYPE, patroniDecl) } : { pg: one(POSTGRES_HA_TYPE, pgDecl) };
  return { stack, ...db, redis: one(REDIS_SENTINEL_TYPE, redisDecl), web: one(HAPROXY_WEB_TYPE, webDecl), ...(proxies ? { proxies } : {}) };
}

/** Every TCP port the env binds, with the node that binds it. */
export function declaredPorts(d: LocalDecl): { service: string; node: string; port: number }[] {
  return [
    ...(d.pg ? [{ service: "orders-db", node: "monitor", port: d.pg.monitorPort }] : []),
    ...(d.patroni ? [{ service: "orders-db", node: "etcd", port: d.patroni.etcdPort }, { service: "orders-db", node: "etcd-peer", port: d.patroni.etcdPort + 1 }] : []),
    ...ordersDb(d).nodes.map((n) => ({ service: "orders-db", node: n.name, port: n.port })),
    ...(d.patroni?.nodes ?? []).map((n) => ({ service: "orders-db", node: `${n.name}-api`, port: n.restApiPort })),
    ...[...d.redis.nodes, ...d.redis.sentinels].map((n) => ({ service: "sessions-cache", node: n.name, port: n.port })),
    { service: "web", node: "haproxy", port: d.web.frontendPort },
    { service: "web", node: "haproxy-stats", port: d.web.statsPort },
    ...d.web.instances.map((n) => ({ service: "web", node: n.name, port: n.port })),
    ...(d.proxies ? [{ service: "web", node: "client-proxies", port: d.proxies.controlPort }, ...d.proxies.routes.map((r) => ({ service: "web", node: `proxy:${r.node}`, port: r.listenPort }))] : []),
  ];
}
