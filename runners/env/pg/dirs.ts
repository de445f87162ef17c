// orders-db's directories: created by us, owned by the postgres OS user when we
// are root (PostgreSQL refuses to run as root and wants 0700 data dirs).
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { environmentError } from "../../../core/errors.ts";
import type { EnvPaths } from "../paths.ts";
import type { OsUser } from "../os-user.ts";
import { pgEnv } from "./conf.ts";

export function preparePgDirs(paths: EnvPaths, user: OsUser | undefined): void {
  const env = pgEnv(paths);
  const dirs = [paths.pg, env.XDG_CONFIG_HOME!, env.XDG_DATA_HOME!, env.XDG_RUNTIME_DIR!, join(paths.pg, "backup")];
  // Debian's postgresql-common creates the socket dir (and tmpfiles.d recreates it at boot); a container may lack it.
  if (user && !existsSync(paths.pgSockets)) {
    mkdirSync(paths.pgSockets, { recursive: true, mode: 0o2775 });
    chownSync(paths.pgSockets, user.uid, user.gid);
  }
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (user) chownSync(dir, user.uid, user.gid);
  }
  // The XDG dirs' parent and the backup dir's parent must be postgres's too.
  if (user) chownSync(dirname(env.XDG_CONFIG_HOME!), user.uid, user.gid);
  if (user) assertReachable(paths.pg, user);
}

/** The postgres user must be able to traverse every parent of the state dir (a repo under /root is not). */
function assertReachable(dir: string, user: OsUser): void {
  const probe = spawnSync("/usr/bin/test", ["-w", dir], { uid: user.uid, gid: user.gid });
  if (probe.status !== 0) {
    throw environmentError(`orders-db: the postgres OS user cannot reach ${dir} (a parent directory is closed to it); set DRILL_STATE_DIR to a directory it can reach, e.g. /var/tmp/drill`);
  }
}

export const isInitialised = (paths: EnvPaths, node: string) =>
  existsSync(join(paths.pg, node, "PG_VERSION")) && existsSync(join(pgEnv(paths).XDG_CONFIG_HOME!, "pg_autoctl", paths.pg, node, "pg_autoctl.cfg"));
