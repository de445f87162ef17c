// Commands that run to completion before a server starts: initdb, pg_autoctl
// one-shots. As the postgres OS user when we are root; output to the node's log.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { basename, join } from "node:path";
import { environmentError, kindOf } from "../../../core/errors.ts";
import type { Ctx } from "../context.ts";
import { logTail } from "../died.ts";
import type { OsUser } from "../os-user.ts";
import { PG_BIN, dataDir, pgEnv } from "./conf.ts";

export async function runToEnd(ctx: Ctx, user: OsUser | undefined, node: string, command: string, args: string[]): Promise<void> {
  const log = join(ctx.paths.logs, `${node}.log`);
  mkdirSync(ctx.paths.logs, { recursive: true });
  const fd = openSync(log, "a");
  try {
    const child = spawn(command, args, { cwd: ctx.paths.pg, env: { ...process.env, ...pgEnv(ctx.paths) }, stdio: ["ignore", fd, fd], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    const code = await new Promise<number | null>((ok, fail) => { child.once("error", fail); child.once("exit", ok); });
    if (code !== 0) throw environmentError(`orders-db: \`${basename(command)} ${args.slice(0, 2).join(" ")}\` for ${node} exited with ${code}: ${logTail(log, 12)}`);
  } catch (error) {
    if (kindOf(error) === "environment") throw error;
    throw environmentError(`orders-db: could not run ${basename(command)} for ${node}: ${(error as Error).message}`, {}, error);
  } finally {
    closeSync(fd);
  }
}

/**
 * initdb without fsync, for the monitor and the first node (pg_autoctl adopts an
 * existing data dir; a standby is cloned instead). Syncing ~1,500 new files took
 * 2–3 s per cluster here; a host crash during `env up` just means running it again.
 */
export async function initdbFast(ctx: Ctx, user: OsUser | undefined, node: string): Promise<void> {
  await runToEnd(ctx, user, node, join(PG_BIN, "initdb"), ["--no-sync", "-D", dataDir(ctx.paths, node), "--auth=trust", "-U", "postgres", "-E", "UTF8"]);
}
