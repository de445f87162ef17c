// `drill env heal`: back to full redundancy after a node was killed or paused,
// whichever node is primary now. Paused processes are resumed, dead ones are
// restarted on their existing data (a pg node rejoins as secondary through
// pg_autoctl's own rewind; a redis node is started as a replica of the master
// the Sentinels agree on), then we wait until every service is healthy.
import { setTimeout as sleep } from "node:timers/promises";
import { environmentError } from "../../core/errors.ts";
import { makeCtx, type Ctx } from "./context.ts";
import { loadDeclaration, ordersDb } from "./declaration.ts";
import { waitHealthy } from "./healthy.ts";
import { isOurs, listOurProcesses } from "./our-processes.ts";
import { envPaths } from "./paths.ts";
import { dataDir } from "./pg/conf.ts";
import { ordersDbControlNode, startOrdersDbControl, startOrdersDbNode } from "./orders-db.ts";
import { postmasterOf } from "./pg/postmaster.ts";
import { clearStalePidFiles } from "./pg/stale.ts";
import { liveness } from "./records.ts";
import { startRedisNode, startSentinel } from "./redis/start.ts";
import { signalGroup, signalPid, stopStray } from "./signal.ts";
import { readState } from "./state.ts";
import type { EnvOptions, EnvStatus } from "./types.ts";
import { startApp, startHaproxy } from "./web/start.ts";
import { PROXY_NODE, startClientProxies } from "./web/client-proxies.ts";

function resumePaused(ctx: Ctx, opts: EnvOptions): void {
  for (const r of Object.values(ctx.state.processes)) {
    if (liveness(r) === "paused") {
      ctx.progress(`${r.service}: resuming paused ${r.node} (pid ${r.pid})`);
      signalGroup(r, "SIGCONT");
    }
  }
  // A fault may have stopped single processes outside the recorded groups (postgres children).
  for (const p of listOurProcesses(opts)) if (p.state === "T" || p.state === "t") signalPid(p.pid, () => isOurs(p.pid, opts), "SIGCONT");
}

/** Orphans of a killed postmaster hold its shared memory until they exit; give them a moment, then stop them. */
async function clearOrphans(ctx: Ctx, opts: EnvOptions, node: string): Promise<void> {
  const dir = dataDir(ctx.paths, node);
  const orphans = () => listOurProcesses(opts).filter((p) => p.cwd === dir);
  for (let i = 0; i < 20 && orphans().length > 0; i++) await sleep(100);
  await Promise.all(orphans().map((p) => stopStray(p.pid, () => isOurs(p.pid, opts) && p.cwd === dir)));
  clearStalePidFiles(ctx, node);
}

async function restartDead(ctx: Ctx, opts: EnvOptions): Promise<void> {
  const dead = (node: string) => {
    const r = ctx.state.processes[node];
    return r === undefined || liveness(r) === "dead";
  };
  const { redis, web } = ctx.decl;
  const control = ordersDbControlNode(ctx);
  // etcd has no postmaster and no orphans to clear.
  if (dead(control)) await (ctx.decl.patroni ? Promise.resolve() : clearOrphans(ctx, opts, control)).then(() => startOrdersDbControl(ctx));
  for (const n of ordersDb(ctx.decl).nodes) {
    if (!dead(n.name)) continue;
    // A Patroni that died alone leaves its postmaster serving (its own session): the new Patroni adopts it.
    const adopted = ctx.decl.patroni !== undefined && postmasterOf(dataDir(ctx.paths, n.name)) !== undefined;
    if (!adopted) await clearOrphans(ctx, opts, n.name);
    await startOrdersDbNode(ctx, n.name);
  }
  for (const n of redis.nodes) if (dead(n.name)) await startRedisNode(ctx, n.name, true);
  for (const s of redis.sentinels) if (dead(s.name)) await startSentinel(ctx, s.name);
  if (ctx.decl.proxies && dead(PROXY_NODE)) await startClientProxies(ctx);
  for (const i of web.instances) if (dead(i.name)) await startApp(ctx, i.name);
  if (dead("haproxy")) await startHaproxy(ctx);
}

export async function healAt(opts: EnvOptions): Promise<EnvStatus> {
  const decl = await loadDeclaration(opts.stack ?? "local");
  const state = readState(envPaths(opts).stateFile);
  if (!state) throw environmentError(`stack ${decl.stack} is not up (no ${envPaths(opts).stateFile}); start it with \`drill env up\``);
  const ctx = makeCtx(decl, state, opts);
  resumePaused(ctx, opts);
  await restartDead(ctx, opts);
  return waitHealthy(ctx);
}
