// orders-db's live roles under Patroni: each node asked directly whether it is
// in recovery (who is primary NOW), and Patroni's own view through its REST API
// (runners/systems/patroni.ts: a primary must also hold the leader key; a
// replica must be streaming from the leader). etcd answers /health.
import { readPatroni } from "../../systems/patroni.ts";
import type { PatroniDecl } from "../declaration.ts";
import { inRecovery } from "../pg/observe.ts";
import { askAnyMember } from "./rest.ts";
import type { Member } from "../types.ts";

async function etcdMember(p: PatroniDecl): Promise<Member> {
  const address = `${p.host}:${p.etcdPort}`;
  const ok = await fetch(`http://${address}/health`, { signal: AbortSignal.timeout(1_500) }).then((r) => r.ok, () => false);
  return { service: "orders-db", node: "etcd", role: "dcs", address, process: "unknown", healthy: ok, detail: ok ? "etcd healthy" : "etcd not answering /health" };
}

/** Patroni's /cluster from the first member that answers: the roles it records in etcd. */
async function clusterRoles(p: PatroniDecl): Promise<Map<string, string> | undefined> {
  const res = await askAnyMember(p, "/cluster", { timeoutMs: 1_500 });
  const body = (await res?.json().catch(() => undefined)) as { members?: { name: string; role: string }[] } | undefined;
  return body ? new Map((body.members ?? []).map((m) => [m.name, m.role])) : undefined;
}

/**
 * In synchronous mode Patroni promotes only the standby its /sync key names, and
 * refuses a switchover without one: PostgreSQL streaming synchronously is not
 * enough (seen: after a resumed old leader took its key back, Patroni 3.0.2 failed
 * to write /sync on every loop — "Synchronous replication key updated by someone
 * else" — so no failover target existed while every node streamed).
 */
function withSyncStandby(p: PatroniDecl, members: Member[], roles: Map<string, string> | undefined): Member[] {
  // Without Patroni's /cluster the nodes' own views already say what is wrong; claim nothing about /sync.
  if (!p.timing.synchronousMode || roles === undefined) return members;
  const sync = [...(roles ?? [])].filter(([, role]) => role === "sync_standby").map(([name]) => name);
  if (sync.length > 0) return members;
  return members.map((m) => (m.role === "primary" ? { ...m, healthy: false, detail: `${m.detail}; Patroni names no synchronous standby (/cluster), so no failover target` } : m));
}

export async function observePatroni(p: PatroniDecl): Promise<Member[]> {
  const [roles, etcd, nodes] = await Promise.all([clusterRoles(p), etcdMember(p), Promise.all(p.nodes.map(async (n): Promise<Member> => {
    const [recovery, view] = await Promise.all([inRecovery(n.port, "postgres"), readPatroni(n.name, `http://${p.host}:${n.restApiPort}`, 1_500)]);
    const role = recovery === undefined ? "unknown" : recovery ? "secondary" : "primary";
    const settled = view.up && (role === "primary" ? view.role === "primary" : view.role === "standby" && view.streaming === true);
    return { service: "orders-db", node: n.name, role, address: `${p.host}:${n.port}`, process: "unknown", healthy: settled, detail: view.detail };
  }))]);
  return [etcd, ...withSyncStandby(p, nodes, roles)];
}

/** Full redundancy: etcd up, one primary holding the leader key, every other node a streaming replica. */
export function patroniMissing(members: Member[]): string[] {
  const missing = members.filter((m) => !m.healthy).map((m) => `orders-db ${m.node} ${m.role} (${m.detail})`);
  if (members.filter((m) => m.role === "primary").length !== 1) missing.push("orders-db has no single primary");
  return missing;
}
