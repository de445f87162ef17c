// Starting sessions-cache: the first node as primary, the others replicating
// from it, and the Sentinels watching it. On a restart (heal) a node keeps the
// config Sentinel may have rewritten, and starts as a replica of whoever the
// Sentinels say is master now, so a returning old primary never serves stale data.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { startRecorded, type Ctx } from "../context.ts";
import { redisCall } from "./client.ts";
import { redisConfFile, redisNodeConf, redisNodeDir, sentinelConf } from "./conf.ts";

const REDIS_SERVER = "/usr/bin/redis-server";
const REDIS_SENTINEL = "/usr/bin/redis-sentinel";

/** The master's port as the Sentinels agree on it now (first that answers). */
export async function sentinelMasterPort(ctx: Ctx): Promise<number | undefined> {
  for (const s of ctx.decl.redis.sentinels) {
    const addr = await redisCall(s.port, ["SENTINEL", "GET-MASTER-ADDR-BY-NAME", ctx.decl.redis.masterName]).catch(() => undefined);
    if (Array.isArray(addr) && addr.length === 2) return Number(addr[1]);
  }
  return undefined;
}

function ensureConf(ctx: Ctx, name: string, render: () => string): string {
  mkdirSync(redisNodeDir(ctx.paths, name), { recursive: true });
  const file = redisConfFile(ctx.paths, name);
  if (!existsSync(file)) writeFileSync(file, render());
  return file;
}

export async function startRedisNode(ctx: Ctx, name: string, restart = false): Promise<void> {
  const r = ctx.decl.redis;
  const node = r.nodes.find((n) => n.name === name)!;
  const declaredMaster = r.nodes[0]!.port;
  const file = ensureConf(ctx, name, () => redisNodeConf(r, ctx.paths, node, node.port === declaredMaster ? undefined : declaredMaster));
  const master = restart ? await sentinelMasterPort(ctx) : undefined;
  const follow = master !== undefined && master !== node.port ? ["--replicaof", r.host, String(master)] : [];
  ctx.progress(`sessions-cache: ${restart ? "restarting" : "starting"} ${name} on 127.0.0.1:${node.port}${follow.length ? ` as a replica of :${master}` : ""}`);
  await startRecorded(ctx, { node: name, service: "sessions-cache", command: REDIS_SERVER, args: [file, ...follow], cwd: redisNodeDir(ctx.paths, name), marker: file });
}

export async function startSentinel(ctx: Ctx, name: string): Promise<void> {
  const r = ctx.decl.redis;
  const s = r.sentinels.find((n) => n.name === name)!;
  const file = ensureConf(ctx, name, () => sentinelConf(r, ctx.paths, s, r.nodes[0]!.port));
  ctx.progress(`sessions-cache: starting ${name} on 127.0.0.1:${s.port}`);
  await startRecorded(ctx, { node: name, service: "sessions-cache", command: REDIS_SENTINEL, args: [file], cwd: redisNodeDir(ctx.paths, name), marker: file });
}

export async function startRedis(ctx: Ctx): Promise<void> {
  for (const n of ctx.decl.redis.nodes) await startRedisNode(ctx, n.name);
  for (const s of ctx.decl.redis.sentinels) await startSentinel(ctx, s.name);
}
