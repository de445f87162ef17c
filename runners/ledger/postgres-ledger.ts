// A ledger in PostgreSQL: one INSERT per write into drill_ledger, acknowledged
// when the INSERT returns (i.e. committed, under the server's own
// synchronous_commit — which is what the plan's RPO is about). The URL may list
// several hosts; the writer follows the primary (target_session_attrs=primary
// unless the URL says otherwise), and read-back opens a fresh connection to
// whichever host is primary *now*.
//
// A write refused as read-only (25006) means the writer's pool reached a
// standby: postgres.js can reconnect onto one without its target_session_attrs
// check and then stays there (runners/probes/postgres-pool.ts says how). So the
// writer then retires its pool — the writes still in flight on it finish there
// within two timeout periods — and opens a fresh one, starting at the next host,
// at most once per timeout period.
import postgres from "postgres";
import { postgresHosts, rotatedHosts } from "../../core/postgres-hosts.ts";
import { renewablePool } from "../probes/postgres-pool.ts";
import type { LedgerStore } from "./writer.ts";

const READ_ONLY_SQL_TRANSACTION = "25006";

export interface PostgresLedgerOptions {
  url: string;
  runId: string;
  table: string;
  timeoutMs: number;
  maxConnections: number;
}

// Quiet (no NOTICE printing), no type fetch on connect, and primary-seeking.
function connect(url: string, extra: postgres.Options<{}>): postgres.Sql {
  const attrs = /[?&]target_session_attrs=/.test(url) ? {} : { target_session_attrs: "primary" as const };
  return postgres(url, { onnotice: () => {}, fetch_types: false, ...attrs, ...extra });
}

export function postgresLedgerStore(options: PostgresLedgerOptions): LedgerStore {
  const { url, runId, table, timeoutMs } = options;
  const connectTimeout = Math.max(1, Math.ceil(timeoutMs / 1000));
  const hosts = postgresHosts(url);
  const open = (k: number): postgres.Sql => {
    const host = rotatedHosts(hosts, k);
    return connect(url, { ...(host ? { host } : {}), max: options.maxConnections, connect_timeout: connectTimeout, idle_timeout: 30 });
  };
  const pool = renewablePool(open, { minAgeMs: timeoutMs, graceMs: 2 * timeoutMs });
  return {
    async prepare() {
      const sql = pool.current;
      try {
        await sql`create table if not exists ${sql(table)} (
          run_id text not null, seq bigint not null, payload text not null,
          written_at timestamptz not null default now(), primary key (run_id, seq))`;
      } catch (error) {
        // Two writers creating the table at once: the loser sees a duplicate type/relation.
        if (!["23505", "42P07"].includes((error as { code?: string }).code ?? "")) throw error;
      }
    },
    // A timed-out INSERT is not cancelled: postgres.js's Query.cancel() drops the
    // promise of its cancel request (a failed cancel becomes an unhandled
    // rejection), and a cancel over a partitioned path would hang as well. The
    // INSERT either commits later — read-back reports it as landed although
    // unacknowledged — or dies with its connection. In-flight stays bounded.
    async write(seq, payload) {
      const sql = pool.current;
      try {
        await sql`insert into ${sql(table)} (run_id, seq, payload) values (${runId}, ${seq}, ${payload})`;
      } catch (error) {
        if ((error as { code?: string }).code === READ_ONLY_SQL_TRANSACTION) pool.renew();
        throw error;
      }
    },
    async readAll() {
      const reader = connect(url, { max: 1, connect_timeout: 5, idle_timeout: 1, target_session_attrs: "primary" });
      try {
        const [where] = await reader`select pg_is_in_recovery() as standby,
          coalesce(host(inet_server_addr()), 'local') as host, inet_server_port() as port`;
        if (!where || where.standby) throw new Error("connected to a standby, not the primary");
        const rows = await reader`select seq, payload from ${reader(table)} where run_id = ${runId}`.catch(
          // No table on the primary now is a finding (everything was lost), not a failure to read.
          (error: { code?: string }) => (error.code === "42P01" ? [] : Promise.reject(error)),
        );
        return {
          rows: rows.map((row): [number, string] => [Number(row.seq), String(row.payload)]),
          source: `postgres primary ${where.host}:${where.port}`,
        };
      } finally {
        await reader.end({ timeout: 1 });
      }
    },
    close: () => pool.close(2_000),
  };
}
