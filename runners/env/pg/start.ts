// Starting orders-db: the monitor (created, bound to 127.0.0.1, timers applied,
// then run), the first data node (it becomes the primary), then the others
// (pg_basebackup from the primary; pg_auto_failover makes them synchronous).
import { spawn } from "node:child_process";
import { appendFileSync, closeSync, mkdirSync, openSync } from "node:fs";
import { basename, join } from "node:path";
import { RunError } from "../../errors.ts";
import { logTail } from "../healthy.ts";
import { startRecorded, type Ctx } from "../context.ts";
import { postgresUser, type OsUser } from "../os-user.ts";
import { waitFor } from "../wait.ts";
import { PG_AUTOCTL, PG_BIN, createMonitorArgs, createNodeArgs, dataDir, monitorConfBlock, pgEnv, pgMarker, runArgs } from "./conf.ts";
import { isInitialised, preparePgDirs } from "./dirs.ts";
import { checkpointPrimary } from "./nudge.ts";
import { queryOnce } from "./sql.ts";
import { ORDERS_DDL } from "../../../stacks/local/app/schema.ts";

/** Run a pg_autoctl (or initdb) command to completion (as postgres when we are root), output to the node's log. */
async function runToEnd(ctx: Ctx, user: OsUser | undefined, node: string, args: string[], command = PG_AUTOCTL): Promise<void> {
  const log = join(ctx.paths.logs, `${node}.log`);
  mkdirSync(ctx.paths.logs, { recursive: true });
  const fd = openSync(log, "a");
  try {
    const child = spawn(command, args, { cwd: ctx.paths.pg, env: { ...process.env, ...pgEnv(ctx.paths) }, stdio: ["ignore", fd, fd], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    const code = await new Promise<number | null>((ok, fail) => { child.once("error", fail); child.once("exit", ok); });
    if (code !== 0) throw new RunError(`orders-db: \`${basename(command)} ${args.slice(0, 2).join(" ")}\` for ${node} exited with ${code}: ${logTail(log, 12)}`);
  } catch (error) {
    if (error instanceof RunError) throw error;
    throw new RunError(`orders-db: could not run pg_autoctl for ${node}: ${(error as Error).message}`, { cause: error });
  } finally {
    closeSync(fd);
  }
}

function spawnPg(ctx: Ctx, user: OsUser | undefined, node: string, args: string[]) {
  return startRecorded(ctx, { node, service: "orders-db", command: PG_AUTOCTL, args, cwd: ctx.paths.pg, env: pgEnv(ctx.paths), marker: pgMarker(ctx.paths, node), ...(user ? { user } : {}) });
}

/**
 * initdb without fsync, for the monitor and the first node (pg_autoctl adopts an
 * existing data dir; a standby is cloned instead). Syncing ~1,500 new files took
 * 2–3 s per cluster here; a host crash during `env up` just means running it again.
 */
async function initdbFast(ctx: Ctx, user: OsUser | undefined, node: string): Promise<void> {
  await runToEnd(ctx, user, node, ["--no-sync", "-D", dataDir(ctx.paths, node), "--auth=trust", "-U", "postgres", "-E", "UTF8"], join(PG_BIN, "initdb"));
}

export async function startMonitor(ctx: Ctx): Promise<void> {
  const { pg } = ctx.decl;
  const user = postgresUser();
  preparePgDirs(ctx.paths, user);
  if (!isInitialised(ctx.paths, "monitor")) {
    ctx.progress(`orders-db: creating the pg_auto_failover monitor on 127.0.0.1:${pg.monitorPort}`);
    await Promise.all([initdbFast(ctx, user, "monitor"), initdbFast(ctx, user, pg.nodes[0]!.name)]);
    await runToEnd(ctx, user, "monitor", createMonitorArgs(pg, ctx.paths));
    await runToEnd(ctx, user, "monitor", ["config", "set", "--pgdata", dataDir(ctx.paths, "monitor"), "postgresql.listen_addresses", "127.0.0.1"]);
    appendFileSync(join(dataDir(ctx.paths, "monitor"), "postgresql.conf"), monitorConfBlock(pg));
  }
  await spawnPg(ctx, user, "monitor", runArgs(ctx.paths, "monitor"));
  await waitFor({ what: "orders-db monitor", timeoutMs: ctx.timeoutMs, onProgress: ctx.progress, observe: async () => {
    const ok = await queryOnce(pg.monitorPort, "pg_auto_failover", "select 1", 1_000, "autoctl_node").then(() => true, () => false);
    return { value: ok, missing: ok ? [] : [`monitor not answering on 127.0.0.1:${pg.monitorPort}`] };
  } });
}

/** Start (or restart) one data node: `create … --run` the first time, `run` on an existing data dir. */
export async function startPgNode(ctx: Ctx, name: string): Promise<void> {
  const node = ctx.decl.pg.nodes.find((n) => n.name === name)!;
  const user = postgresUser();
  const fresh = !isInitialised(ctx.paths, name);
  ctx.progress(`orders-db: ${fresh ? "creating" : "restarting"} ${name} on 127.0.0.1:${node.port}`);
  await spawnPg(ctx, user, name, fresh ? createNodeArgs(ctx.decl.pg, ctx.paths, node) : runArgs(ctx.paths, name));
}

export async function startPg(ctx: Ctx): Promise<void> {
  const { pg } = ctx.decl;
  await startMonitor(ctx);
  const [first, ...rest] = pg.nodes;
  await startPgNode(ctx, first!.name);
  await waitFor({ what: `orders-db ${first!.name}`, timeoutMs: ctx.timeoutMs, onProgress: ctx.progress, observe: async () => {
    const rows = await queryOnce<{ r: boolean }>(first!.port, pg.database, "select pg_is_in_recovery() as r", 1_000).catch(() => []);
    return { value: rows, missing: rows[0]?.r === false ? [] : [`${first!.name} not yet a writable primary`] };
  } });
  await queryOnce(first!.port, pg.database, ORDERS_DDL, 5_000).catch((error: unknown) => {
    throw new RunError(`orders-db: could not create the orders table on ${first!.name}: ${(error as Error).message}`, { cause: error });
  });
  // A fresh primary has dirty pages from creating the database; pg_basebackup's
  // spread checkpoint would write them slowly (37 s measured) before cloning.
  await checkpointPrimary(ctx.decl.pg);
  for (const n of rest) await startPgNode(ctx, n.name);
}
