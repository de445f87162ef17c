// Before restarting a killed pg node: its pid files still name the dead
// pg_autoctl and postmaster. Both programs refuse to start while kill(pid, 0)
// succeeds, which it does for a zombie — and here init reaps orphans only every
// few seconds. A pid file whose process is gone or a zombie is removed; we only
// get here once nothing of ours runs out of that data dir any more.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.ts";
import { isGone, readProc } from "../procfs.ts";
import { dataDir, pgEnv } from "./conf.ts";

/** The PID on a pidfile's first line (PostgreSQL's postmaster.pid, pg_autoctl's), if any. */
export function pidIn(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function pidFiles(ctx: Ctx, node: string): string[] {
  const dir = dataDir(ctx.paths, node);
  return [join(pgEnv(ctx.paths).XDG_RUNTIME_DIR!, "pg_autoctl", dir, "pg_autoctl.pid"), join(dir, "postmaster.pid")];
}

export function clearStalePidFiles(ctx: Ctx, node: string): void {
  for (const file of pidFiles(ctx, node)) {
    const pid = pidIn(file);
    if (pid !== undefined && isGone(readProc(pid))) {
      ctx.progress(`orders-db: removing ${file} left by dead pid ${pid}`);
      rmSync(file, { force: true });
    }
  }
}
