// A real PostgreSQL 15 failover in miniature, for tests of clients across a
// promotion: a primary and two streaming standbys (pg_basebackup), a gate that
// keeps client queries in flight on the primary, a fast shutdown of the primary
// (its backends answer 57P01 to the queries in flight, then close), and the
// promotion of one standby while the other stays a standby of the dead primary.
import postgres from "postgres";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres.ts";

/** The advisory lock the gate holds; a gated query waits for it (shared, transaction-scoped). */
export const GATE_KEY = 4242;

export interface FailoverTrio {
  primary: ThrowawayPostgres;
  /** The standby that is never promoted: it keeps following the dead primary. */
  staying: ThrowawayPostgres;
  /** The standby `promote()` promotes. */
  promoted: ThrowawayPostgres;
  /** Multi-host URL, hosts in the order primary, staying, promoted, with target_session_attrs=primary. */
  url: string;
  /** Holds the gate on the primary: gated queries and (with `lockTable`) INSERTs into that table wait. */
  holdGate(lockTable?: string): Promise<void>;
  /** Fast shutdown of the primary (SIGINT); resolves when it has exited. */
  stopPrimary(): Promise<void>;
  /** pg_promote() on `promoted`; resolves when the promotion is complete. */
  promote(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startFailoverTrio(): Promise<FailoverTrio> {
  const primary = await startThrowawayPostgres();
  const staying = await startThrowawayPostgres({ standbyOf: primary });
  const promoted = await startThrowawayPostgres({ standbyOf: primary });
  const url = `postgres://postgres@${[primary, staying, promoted].map((n) => `127.0.0.1:${n.port}`).join(",")}/postgres?target_session_attrs=primary`;
  const admin = postgres(primary.url, { max: 1, onnotice: () => undefined, fetch_types: false });
  let held: Promise<unknown> | undefined;
  return {
    primary,
    staying,
    promoted,
    url,
    async holdGate(lockTable) {
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // The transaction never ends by itself: the primary's shutdown ends it.
      held = admin
        .begin(async (tx) => {
          await tx`select pg_advisory_xact_lock(${GATE_KEY})`;
          // SHARE conflicts with an INSERT's ROW EXCLUSIVE and, unlike ACCESS EXCLUSIVE, is not replicated.
          if (lockTable) await tx`lock table ${tx(lockTable)} in share mode`;
          locked();
          await new Promise(() => undefined);
        })
        .catch(() => undefined);
      await isLocked;
    },
    async stopPrimary() {
      await primary.stop();
      await admin.end({ timeout: 0 });
      await held;
    },
    async promote() {
      const sql = postgres(promoted.url, { max: 1, onnotice: () => undefined, fetch_types: false });
      try {
        const [row] = await sql`select pg_promote(true, 30) as done`;
        if (!row?.done) throw new Error(`pg_promote on 127.0.0.1:${promoted.port} did not complete within 30 s`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
    async destroy() {
      await admin.end({ timeout: 0 }).catch(() => undefined);
      await Promise.allSettled([staying.destroy(), promoted.destroy(), primary.destroy()]);
    },
  };
}
