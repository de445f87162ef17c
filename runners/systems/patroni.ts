// Patroni, read live through its REST API: the node's own /patroni (is it
// running, which role its PostgreSQL holds), the cluster view /cluster (its
// member name, who holds the leader key), and the leader's replication list
// (is this replica streaming — Patroni 3.0.2 does not say so on the replica).
// A primary is a node whose PostgreSQL is primary AND that holds the leader
// key: a resumed old leader that still thinks it is primary is not counted.
import { getJson } from "./http.ts";
import { unreachable, within, type NodeView } from "./view.ts";

interface Member { name: string; role: string; state: string; api_url?: string; lag?: unknown }
interface Status { state?: string; role?: string; replication?: { application_name: string; state: string }[] }

const origin = (url: string) => new URL(url).origin;

export async function readPatroni(node: string, url: string, timeoutMs = 2_000): Promise<NodeView> {
  try {
    return await within(timeoutMs * 3, ask(node, url, timeoutMs), `${node} (patroni)`);
  } catch (error) {
    return unreachable(node, error);
  }
}

async function ask(node: string, url: string, timeoutMs: number): Promise<NodeView> {
  const own = (await getJson(`${origin(url)}/patroni`, timeoutMs)).body as Status;
  const members = ((await getJson(`${origin(url)}/cluster`, timeoutMs)).body as { members?: Member[] }).members ?? [];
  const me = members.find((m) => m.api_url && origin(m.api_url) === origin(url));
  const leader = members.find((m) => m.role === "leader" || m.role === "standby_leader");
  const running = own.state === "running";
  const name = me?.name ?? "?";
  if ((own.role === "master" || own.role === "primary") && leader && me && leader.name === me.name) {
    const replicas = (own.replication ?? []).filter((r) => r.state === "streaming").length;
    return { node, up: running, role: "primary", replicas, detail: `patroni ${name}: leader, ${replicas} replica(s) streaming` };
  }
  if (own.role === "replica" || own.role === "standby_leader") {
    const streaming = leader?.api_url ? await streamsFrom(leader.api_url, name, timeoutMs) : false;
    return { node, up: running, role: "standby", streaming, detail: `patroni ${name}: replica (${own.state}), ${streaming ? "streaming from" : "not streaming from"} ${leader?.name ?? "no leader"}` };
  }
  return { node, up: running, role: "other", detail: `patroni ${name}: role ${own.role}, state ${own.state}, leader key ${leader?.name ?? "free"}` };
}

async function streamsFrom(leaderApi: string, name: string, timeoutMs: number): Promise<boolean> {
  try {
    const status = (await getJson(`${origin(leaderApi)}/patroni`, timeoutMs)).body as Status;
    return (status.replication ?? []).some((r) => r.application_name === name && r.state === "streaming");
  } catch {
    return false;
  }
}
