// Pure parts of orders-db's setup: pg_autoctl command lines, its environment,
// and the monitor settings we add. Kept free of I/O so they can be unit-tested.
import { join } from "node:path";
import type { PgDecl } from "../declaration.ts";
import type { EnvPaths } from "../paths.ts";

export const PG_BIN = "/usr/lib/postgresql/15/bin";
export const PG_AUTOCTL = "/usr/bin/pg_autoctl";

export const dataDir = (paths: EnvPaths, node: string) => join(paths.pg, node);

export function monitorUrl(pg: PgDecl): string {
  return `postgres://autoctl_node@${pg.host}:${pg.monitorPort}/pg_auto_failover?sslmode=disable`;
}

/** pg_autoctl keeps its config, state and pid files under XDG dirs: point them into our state. */
export function pgEnv(paths: EnvPaths): Record<string, string> {
  return {
    // Not our PATH: the postgres user may not be able to read its entries (pg_autoctl complains).
    PATH: `${PG_BIN}:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: paths.pg,
    XDG_CONFIG_HOME: join(paths.pg, "xdg", "config"),
    XDG_DATA_HOME: join(paths.pg, "xdg", "data"),
    XDG_RUNTIME_DIR: join(paths.pg, "xdg", "run"),
    // pg_autoctl connects to its local server over this socket directory, and needs
    // one for the socket-only crash recovery it runs before pg_rewind.
    PGHOST: paths.pgSockets,
  };
}

// `--auth trust` and `--no-ssl`: a drill env on one machine, reachable on
// 127.0.0.1 (and our own Unix socket directory) only — pg_autoctl writes HBA rules
// for 127.0.0.0/8 and every server listens on 127.0.0.1. Never use this beyond a
// local drill environment.
const COMMON = ["--auth", "trust", "--no-ssl", "--pgctl", join(PG_BIN, "pg_ctl"), "--hostname", "127.0.0.1"];

export function createMonitorArgs(pg: PgDecl, paths: EnvPaths): string[] {
  // --listen is accepted though `create monitor --help` omits it; without it the
  // monitor listens on * while it is being created.
  return ["create", "monitor", "--pgdata", dataDir(paths, "monitor"), "--pgport", String(pg.monitorPort), "--listen", "127.0.0.1", ...COMMON];
}

export function createNodeArgs(pg: PgDecl, paths: EnvPaths, node: { name: string; port: number }): string[] {
  return [
    "create", "postgres", "--pgdata", dataDir(paths, node.name), "--pgport", String(node.port),
    "--listen", "127.0.0.1", "--name", node.name, "--dbname", pg.database, "--username", "postgres",
    "--monitor", monitorUrl(pg), ...COMMON, "--run",
  ];
}

export const runArgs = (paths: EnvPaths, node: string) => ["run", "--pgdata", dataDir(paths, node)];
export const pgMarker = (paths: EnvPaths, node: string) => `--pgdata ${dataDir(paths, node)}`;

/** pgautofailover.* GUC names for the declared timers (milliseconds, as the monitor reads them). */
export function monitorTimerSettings(t: PgDecl["timers"]): Record<string, number> {
  return {
    "pgautofailover.health_check_period": t.healthCheckPeriodMs,
    "pgautofailover.health_check_timeout": t.healthCheckTimeoutMs,
    "pgautofailover.health_check_max_retries": t.healthCheckMaxRetries,
    "pgautofailover.health_check_retry_delay": t.healthCheckRetryDelayMs,
    "pgautofailover.node_considered_unhealthy_timeout": t.nodeConsideredUnhealthyTimeoutMs,
    "pgautofailover.primary_demote_timeout": t.primaryDemoteTimeoutMs,
    "pgautofailover.startup_grace_period": t.startupGracePeriodMs,
  };
}

/**
 * Appended to the monitor's postgresql.conf (later lines win over the include at
 * its top): the monitor binds 0.0.0.0 by default and has no --listen option.
 */
export function monitorConfBlock(pg: PgDecl): string {
  const lines = ["", "# continuity-drill: bind loopback only; faster failure detection (see stacks/local/postgres-ha.ts)", "listen_addresses = '127.0.0.1'"];
  for (const [key, value] of Object.entries(monitorTimerSettings(pg.timers))) lines.push(`${key} = ${value}`);
  return `${lines.join("\n")}\n`;
}
