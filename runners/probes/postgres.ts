// PostgreSQL probe: `select 1` (or a given query) through a small postgres.js
// pool. The URL may list several hosts with target_session_attrs=primary, so a
// reconnect finds whichever node is primary now.
//
// A killed primary resets its connections and postgres.js reconnects by itself.
// A hung one (SIGSTOP, partition) does not: its sockets stay open and every query
// on them waits forever. So after a timeout the probe retires the whole pool and
// opens a fresh one (at most once per timeout period); the retired pool gets two
// more timeout periods to finish its queries and is then destroyed — longer than
// any of its queries can still run, so each one's own timeout (not the teardown)
// decides its sample. Each fresh pool starts at the next host of a multi-host
// URL (postgres-hosts.ts), so a dead first host does not hold every pool.
import postgres from "postgres";
import { classifyNetworkError, codeOf, shortMessage } from "./classify.ts";
import { postgresHosts, rotatedHosts } from "./postgres-hosts.ts";
import type { Outcome, ProbeClient } from "./probe.ts";
import type { ErrorClass } from "./sample.ts";
import type { PostgresProbeSpec } from "./spec.ts";

export function postgresClient(spec: PostgresProbeSpec, timeoutMs: number): ProbeClient {
  const query = spec.query ?? "select 1";
  const hosts = postgresHosts(spec.target);
  let opened = 0;
  const open = (): postgres.Sql => {
    const host = rotatedHosts(hosts, opened++);
    return postgres(spec.target, {
      ...(host ? { host } : {}),
      max: spec.poolSize ?? 2,
      connect_timeout: timeoutMs / 1000,
      fetch_types: false,
      onnotice: () => undefined,
      // The server cancels a slow query itself, so a lock wait frees its connection.
      connection: { application_name: "continuity-drill-probe", statement_timeout: Math.ceil(timeoutMs) },
    });
  };
  let pool = open();
  let openedAt = performance.now();
  const retiring = new Set<Promise<void>>();

  const retire = (old: postgres.Sql, graceMs: number): void => {
    const ending = old.end({ timeout: graceMs / 1000 }).catch(() => undefined);
    retiring.add(ending);
    void ending.finally(() => retiring.delete(ending));
  };

  return {
    async attempt(): Promise<Outcome> {
      await pool.unsafe(query);
      return { ok: true };
    },
    classify: classifyPostgresError,
    onTimeout() {
      if (performance.now() - openedAt < timeoutMs) return;
      retire(pool, 2 * timeoutMs);
      pool = open();
      openedAt = performance.now();
    },
    async close() {
      retire(pool, 0);
      await Promise.all([...retiring]);
    },
  };
}

const BY_SQLSTATE: Record<string, ErrorClass> = {
  "25006": "bad-status", // read_only_sql_transaction: we reached a standby
  "57P01": "reset", // admin_shutdown: the server is stopping and dropped us
  "57P02": "reset", // crash_shutdown
  "57P03": "refused", // cannot_connect_now: starting up or in recovery
  "57014": "timeout", // query_canceled, e.g. by statement_timeout
};

const BY_CLIENT_CODE: Record<string, ErrorClass> = {
  CONNECT_TIMEOUT: "timeout",
  CONNECTION_CLOSED: "reset",
  CONNECTION_DESTROYED: "reset",
  CONNECTION_ENDED: "reset",
};

export function classifyPostgresError(error: unknown): { error: ErrorClass; detail: string } {
  const code = codeOf(error);
  if ((error as { name?: unknown })?.name === "PostgresError" && code) {
    return { error: BY_SQLSTATE[code] ?? "bad-status", detail: `${code} ${shortMessage(error)}` };
  }
  const known = code ? BY_CLIENT_CODE[code] : undefined;
  return known ? { error: known, detail: shortMessage(error) } : classifyNetworkError(error);
}
