// A standby being cloned or rewound waits for a checkpoint on the primary, which
// PostgreSQL spreads over minutes by default. An immediate CHECKPOINT on the
// current primary makes it finish now. It decides nothing about roles: the
// failover itself stays pg_auto_failover's.
import { queryOnce } from "./sql.ts";

export async function checkpointPrimary(pg: { database: string; nodes: { port: number }[] }): Promise<void> {
  await Promise.all(pg.nodes.map(async (n) => {
    const rows = await queryOnce<{ r: boolean }>(n.port, pg.database, "select pg_is_in_recovery() as r", 1_000).catch(() => []);
    if (rows[0]?.r === false) await queryOnce(n.port, pg.database, "checkpoint", 5_000).catch(() => {});
  }));
}
