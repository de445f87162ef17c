// orders-db's live roles: each data node asked directly whether it is in
// recovery (who is primary NOW), and the monitor's view — the same
// pgautofailover.current_state() that `pg_autoctl show state` prints.
import type { PgDecl } from "../declaration.ts";
import type { Member } from "../types.ts";
import { queryOnce } from "./sql.ts";

export type MonitorRow = { nodename: string; nodeport: number; reported: string; assigned: string; health: number };

export async function monitorState(pg: PgDecl): Promise<MonitorRow[] | undefined> {
  try {
    return await queryOnce<MonitorRow>(pg.monitorPort, "pg_auto_failover",
      "select nodename, nodeport, current_group_state::text as reported, assigned_group_state::text as assigned, health from pgautofailover.current_state('default')", 1_500, "autoctl_node");
  } catch {
    return undefined;
  }
}

/** Whether the server on `port` is a standby now (undefined: it did not answer within 1.5 s). */
export async function inRecovery(port: number, database: string): Promise<boolean | undefined> {
  try {
    const rows = await queryOnce<{ r: boolean }>(port, database, "select pg_is_in_recovery() as r", 1_500);
    return rows[0]?.r;
  } catch {
    return undefined;
  }
}

export async function observePg(pg: PgDecl): Promise<Member[]> {
  const [monitor, ...recovery] = await Promise.all([monitorState(pg), ...pg.nodes.map((n) => inRecovery(n.port, pg.database))]);
  const members: Member[] = [{
    service: "orders-db", node: "monitor", role: "monitor", address: `${pg.host}:${pg.monitorPort}`, process: "unknown",
    healthy: monitor !== undefined, detail: monitor ? `${monitor.length} nodes registered` : "monitor not answering",
  }];
  pg.nodes.forEach((n, i) => {
    const r = recovery[i];
    const row = monitor?.find((m) => m.nodename === n.name);
    const role = r === undefined ? "unknown" : r ? "secondary" : "primary";
    const settled = row !== undefined && row.reported === row.assigned && (row.reported === "primary" || row.reported === "secondary");
    const seen = row ? `monitor: ${row.reported} → ${row.assigned}` : "not registered with the monitor";
    const detail = r === undefined ? `not answering; ${seen}` : seen;
    members.push({ service: "orders-db", node: n.name, role, address: `${pg.host}:${n.port}`, process: "unknown", healthy: settled && row!.reported === role, detail });
  });
  return members;
}

/** Full redundancy: one primary, every other data node a secondary, all settled. */
export function pgMissing(members: Member[]): string[] {
  const nodes = members.filter((m) => m.role !== "monitor");
  const missing = members.filter((m) => !m.healthy).map((m) => `orders-db ${m.node} ${m.role} (${m.detail})`);
  if (nodes.filter((m) => m.role === "primary").length !== 1) missing.push("orders-db has no single primary");
  return missing;
}
