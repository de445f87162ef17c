// Starting orders-db: the monitor (bound to 127.0.0.1, timers in its config
// before it first starts), the first data node (it becomes the primary), then
// the others (cloned from the primary; pg_auto_failover makes them synchronous).
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { environmentError } from "../../../core/errors.ts";
import { ORDERS_DDL } from "../../../stacks/local/app/schema.ts";
import { startRecorded, type Ctx } from "../context.ts";
import { autoFailoverOf } from "../declaration.ts";
import { waitOrdersDb } from "../wait-orders-db.ts";
import { postgresUser, type OsUser } from "../os-user.ts";
import { PG_AUTOCTL, createMonitorArgs, createNodeArgs, dataDir, monitorConfBlock, pgEnv, pgMarker, runArgs } from "./conf.ts";
import { isInitialised, preparePgDirs } from "./dirs.ts";
import { monitorState } from "./observe.ts";
import { initdbFast } from "./run-once.ts";
import { queryOnce } from "./sql.ts";

function spawnPg(ctx: Ctx, user: OsUser | undefined, node: string, args: string[]) {
  return startRecorded(ctx, { node, service: "orders-db", command: PG_AUTOCTL, args, cwd: ctx.paths.pg, env: pgEnv(ctx.paths), marker: pgMarker(ctx.paths, node), ...(user ? { user } : {}) });
}

export async function startMonitor(ctx: Ctx): Promise<void> {
  const pg = autoFailoverOf(ctx.decl);
  const user = postgresUser();
  preparePgDirs(ctx.paths, user);
  let args = runArgs(ctx.paths, "monitor");
  if (!isInitialised(ctx.paths, "monitor")) {
    ctx.progress(`orders-db: creating the pg_auto_failover monitor on 127.0.0.1:${pg.monitorPort}`);
    await Promise.all([initdbFast(ctx, user, "monitor"), initdbFast(ctx, user, pg.nodes[0]!.name)]);
    // Later lines win over the include pg_autoctl puts at the top, so the timers hold from the first start.
    appendFileSync(join(dataDir(ctx.paths, "monitor"), "postgresql.conf"), monitorConfBlock(pg));
    args = [...createMonitorArgs(pg, ctx.paths), "--run"];
  }
  await spawnPg(ctx, user, "monitor", args);
  await waitOrdersDb(ctx, "monitor", ["monitor"], async () => {
    const ok = await queryOnce(pg.monitorPort, "pg_auto_failover", "select 1", 1_000, "autoctl_node").then(() => true, () => false);
    return ok ? undefined : `monitor not answering on 127.0.0.1:${pg.monitorPort}`;
  });
}

/** Start (or restart) one data node: `create … --run` the first time, `run` on an existing data dir. */
export async function startPgNode(ctx: Ctx, name: string): Promise<void> {
  const node = autoFailoverOf(ctx.decl).nodes.find((n) => n.name === name)!;
  const fresh = !isInitialised(ctx.paths, name);
  ctx.progress(`orders-db: ${fresh ? "creating" : "restarting"} ${name} on 127.0.0.1:${node.port}`);
  await spawnPg(ctx, postgresUser(), name, fresh ? createNodeArgs(autoFailoverOf(ctx.decl), ctx.paths, node) : runArgs(ctx.paths, name));
}

async function createOrdersTable(ctx: Ctx, node: { name: string; port: number }): Promise<void> {
  const pg = autoFailoverOf(ctx.decl);
  await waitOrdersDb(ctx, node.name, [node.name], async () => {
    const rows = await queryOnce<{ r: boolean }>(node.port, pg.database, "select pg_is_in_recovery() as r", 1_000).catch(() => []);
    return rows[0]?.r === false ? undefined : `${node.name} not yet a writable primary`;
  });
  await queryOnce(node.port, pg.database, ORDERS_DDL, 10_000).catch((error: unknown) => {
    throw environmentError(`orders-db: could not create the orders table on ${node.name}: ${(error as Error).message}`, {}, error);
  });
}

export async function startPg(ctx: Ctx): Promise<void> {
  const [first, ...rest] = autoFailoverOf(ctx.decl).nodes;
  await startMonitor(ctx);
  await startPgNode(ctx, first!.name);
  // The others register only once the first is known to the monitor, so that the
  // declared primary is the one that becomes primary.
  await waitOrdersDb(ctx, `${first!.name} registration`, ["monitor", first!.name], async () =>
    (await monitorState(autoFailoverOf(ctx.decl)))?.some((r) => r.nodename === first!.name) ? undefined : `${first!.name} not registered with the monitor yet`);
  await Promise.all([createOrdersTable(ctx, first!), ...rest.map((n) => startPgNode(ctx, n.name))]);
}
