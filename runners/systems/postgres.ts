// PostgreSQL, read live: pg_is_in_recovery() tells the role; the primary's
// pg_stat_replication counts the standbys streaming from it, a standby's
// pg_stat_wal_receiver says whether it streams.
import postgres from "postgres";
import { unreachable, within, type NodeView } from "./view.ts";

export async function readPostgres(node: string, url: string, timeoutMs = 2_000): Promise<NodeView> {
  const sql = postgres(url, { max: 1, connect_timeout: timeoutMs / 1000, fetch_types: false, onnotice: () => undefined, connection: { application_name: "continuity-drill-roles" } });
  try {
    return await within(timeoutMs, ask(node, sql), `${node} (postgres)`);
  } catch (error) {
    return unreachable(node, error);
  } finally {
    void sql.end({ timeout: 0 }).catch(() => undefined);
  }
}

async function ask(node: string, sql: postgres.Sql): Promise<NodeView> {
  const [{ standby }] = (await sql`select pg_is_in_recovery() as standby`) as unknown as [{ standby: boolean }];
  if (!standby) {
    const [{ n }] = (await sql`select count(*)::int as n from pg_stat_replication where state = 'streaming'`) as unknown as [{ n: number }];
    return { node, up: true, role: "primary", replicas: n, detail: `primary, ${n} standby(s) streaming` };
  }
  const rows = (await sql`select status from pg_stat_wal_receiver`) as unknown as { status: string }[];
  const streaming = rows[0]?.status === "streaming";
  return { node, up: true, role: "standby", streaming, detail: `standby, wal receiver ${rows[0]?.status ?? "not running"}` };
}
