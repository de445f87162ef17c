// sessions-cache's live roles: each node's ROLE, and each Sentinel's view of the
// master (its address, whether it is down, how many other Sentinels it sees).
import type { RedisDecl } from "../declaration.ts";
import type { Member } from "../types.ts";
import { pairs, redisCall } from "./client.ts";

async function nodeMember(r: RedisDecl, n: { name: string; port: number }): Promise<Member> {
  const role = await redisCall(n.port, ["ROLE"]).catch(() => undefined);
  const base = { service: "sessions-cache", node: n.name, address: `${r.host}:${n.port}`, process: "unknown" as const };
  if (!Array.isArray(role)) return { ...base, role: "unknown", healthy: false, detail: "not answering" };
  if (role[0] === "master") return { ...base, role: "master", healthy: true, detail: `${(role[2] as unknown[]).length} replica(s) attached` };
  const linked = role[3] === "connected";
  return { ...base, role: "replica", healthy: linked, detail: `of :${role[2]} (${role[3]})` };
}

async function sentinelMember(r: RedisDecl, s: { name: string; port: number }): Promise<Member & { masterPort?: number }> {
  const base = { service: "sessions-cache", node: s.name, role: "sentinel", address: `${r.host}:${s.port}`, process: "unknown" as const };
  const m = pairs(await redisCall(s.port, ["SENTINEL", "MASTER", r.masterName]).catch(() => undefined));
  if (!m.port) return { ...base, healthy: false, detail: "not answering" };
  const others = Number(m["num-other-sentinels"]);
  const down = m.flags !== "master";
  const healthy = !down && others === r.sentinels.length - 1;
  return { ...base, healthy, masterPort: Number(m.port), detail: `master :${m.port} (${m.flags}), sees ${others} other sentinel(s), ${m["num-slaves"]} replica(s)` };
}

export async function observeRedis(r: RedisDecl): Promise<Member[]> {
  const [nodes, sentinels] = await Promise.all([Promise.all(r.nodes.map((n) => nodeMember(r, n))), Promise.all(r.sentinels.map((s) => sentinelMember(r, s)))]);
  // A replica is only sound when it follows the master the Sentinels agree on.
  const agreed = sentinels.find((s) => s.healthy)?.masterPort;
  for (const n of nodes) {
    if (n.role === "master" && agreed !== undefined && n.address !== `${r.host}:${agreed}`) n.healthy = false;
    if (n.role === "replica" && agreed !== undefined && !n.detail?.startsWith(`of :${agreed} `)) n.healthy = false;
  }
  return [...nodes, ...sentinels.map(({ masterPort: _, ...m }) => m)];
}

export function redisMissing(members: Member[]): string[] {
  const missing = members.filter((m) => !m.healthy).map((m) => `sessions-cache ${m.node} ${m.role} (${m.detail})`);
  if (members.filter((m) => m.role === "master").length !== 1) missing.push("sessions-cache has no single master");
  return missing;
}
