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
// URL (core/postgres-hosts.ts), so a dead first host does not hold every pool.
//
// An answer from the wrong role renews the pool the same way, whether the role
// check's row says so or the query itself was refused as read-only (25006,
// e.g. txid_current() on a standby): postgres.js can reconnect a connection
// onto a standby without its target_session_attrs check, and it then stays
// there (postgres-pool.ts says how); only a fresh pool checks again.
import postgres from "postgres";
import { classifyNetworkError, codeOf, shortMessage } from "./classify.ts";
import { postgresHosts, rotatedHosts } from "../../core/postgres-hosts.ts";
import { renewablePool } from "./postgres-pool.ts";
import type { Outcome, ProbeClient } from "./probe.ts";
import type { ErrorClass } from "./sample.ts";
import type { PostgresProbeSpec } from "./spec.ts";

/**
 * The role check rides in the same round trip as the probe's query (one simple-
 * protocol message), so a standby that answers `select 1` can never pass for
 * the primary: reads that reach a demoted or not-yet-promoted node are samples
 * from the wrong role.
 */
const ROLE_CHECK = "select pg_is_in_recovery() as in_recovery, current_setting('transaction_read_only') as read_only";

export function postgresClient(spec: PostgresProbeSpec, timeoutMs: number): ProbeClient {
  const checkRole = spec.readOnly !== true;
  const query = checkRole ? (spec.query ? `${ROLE_CHECK}; ${spec.query}` : ROLE_CHECK) : (spec.query ?? "select 1");
  const hosts = postgresHosts(spec.target);
  const open = (k: number): postgres.Sql => {
    const host = rotatedHosts(hosts, k);
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
  // A fresh pool at most once per timeout period: the reconnect finds whoever is primary now.
  const pool = renewablePool(open, { minAgeMs: timeoutMs, graceMs: 2 * timeoutMs });
  const renew = (): void => void pool.renew();

  return {
    async attempt(): Promise<Outcome> {
      const result = await pool.current.unsafe(query).catch((error: unknown) => {
        if (classifyPostgresError(error).error === "wrong-role") renew();
        throw error;
      });
      if (!checkRole) return { ok: true };
      const role = roleRow(result);
      if (role?.in_recovery === false && role.read_only === "off") return { ok: true };
      renew();
      return { ok: false, error: "wrong-role", detail: role?.in_recovery ? "answered by a standby (pg_is_in_recovery)" : "answered read-only (transaction_read_only)" };
    },
    classify: classifyPostgresError,
    onTimeout: renew,
    close: () => pool.close(),
  };
}

/** The role check's row: first result of a multi-statement answer, or the only one. */
function roleRow(result: unknown): { in_recovery?: boolean; read_only?: string } | undefined {
  const rows = Array.isArray((result as unknown[])[0]) ? (result as unknown[][])[0] : (result as unknown[]);
  return rows?.[0] as { in_recovery?: boolean; read_only?: string } | undefined;
}

const BY_SQLSTATE: Record<string, ErrorClass> = {
  "25006": "wrong-role", // read_only_sql_transaction: we reached a standby
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
