// Where the local environment keeps its state: <repo>/.drill/env/<stack>/ unless
// DRILL_STATE_DIR (or EnvOptions.stateDir) says otherwise. Everything we start
// has its config, data and logs there, so "ours" can be recognised by path.
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import type { EnvOptions } from "./types.ts";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const APP_SERVER = join(REPO_ROOT, "stacks/local/app/server.ts");

export function stateRoot(opts: EnvOptions = {}): string {
  return resolve(opts.stateDir ?? process.env.DRILL_STATE_DIR ?? join(REPO_ROOT, ".drill"));
}

export function envDir(opts: EnvOptions = {}): string {
  return join(stateRoot(opts), "env", opts.stack ?? "local");
}

export interface EnvPaths {
  dir: string;
  stateFile: string;
  logs: string;
  /** PostgreSQL data, owned by the postgres OS user when we are root. */
  pg: string;
  /**
   * PostgreSQL's Unix socket directory: Debian's own (/var/run/postgresql, where
   * its servers look by default). pg_autoctl cannot be given another one for the
   * monitor. Our sockets there are named by our ports (.s.PGSQL.15431 …).
   */
  pgSockets: string;
  redis: string;
  web: string;
  /** HAProxy's admin socket (same length limit). */
  haproxySocket: string;
}

export function envPaths(opts: EnvOptions = {}): EnvPaths {
  const dir = envDir(opts);
  const pg = join(dir, "pg");
  const socket = join(dir, "web", "haproxy.sock");
  // Unix socket paths are limited to 107 bytes; a deep state dir gets a short one in /tmp.
  const short = join("/tmp", `continuity-drill-${createHash("sha1").update(dir).digest("hex").slice(0, 10)}`);
  return {
    dir,
    stateFile: join(dir, "state.json"),
    logs: join(dir, "logs"),
    pg,
    pgSockets: "/var/run/postgresql",
    redis: join(dir, "redis"),
    web: join(dir, "web"),
    haproxySocket: socket.length > 100 ? `${short}-haproxy.sock` : socket,
  };
}
