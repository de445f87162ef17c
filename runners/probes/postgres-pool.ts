// A postgres.js pool that can be swapped for a fresh one, for the probe and the
// PostgreSQL ledger alike.
//
// Why a client must be able to drop its whole pool: postgres.js 3.4.9 checks
// target_session_attrs only while a connection starts up, and a connection that
// lost its server in the middle of a query skips that check on its next
// start-up (src/connection.js). An ErrorResponse that arrives during a query is
// kept until ReadyForQuery (line 815) — e.g. 57P01 from a primary that shuts
// down or whose postmaster died — and when the socket closes first, `closed()`
// (line 436) clears neither that error nor the query. The reconnect's first
// ReadyForQuery (lines 536-541) hands the stale error to `errored()`, which
// rejects the start-up query and clears `initial` (line 393), so the
// `if (initial) { … tryNext … }` role check (lines 554-559) never runs and the
// connection joins the pool on whichever host it reached next: a standby, where
// it stays (a read-only error does not close a connection). Only a fresh pool
// (new Connection objects, no stale state) is certain to run the check.
// test/e2e/probes/postgres-stale-standby.test.ts shows it on real servers;
// porsager/postgres#1223 reports the same replay without multi-host.
//
// A retired pool keeps `graceMs` to finish its queries (a hung node's queries
// end by their own timeouts, not by the teardown), then is destroyed.

/** What a retired pool needs: postgres.js's `Sql` has this `end`. */
export interface EndablePool {
  end(options?: { timeout?: number | null }): Promise<void>;
}

export interface RenewablePool<P extends EndablePool> {
  /** The pool to send on now (it changes after `renew`). */
  readonly current: P;
  /**
   * Retires the current pool and opens a fresh one, unless the current one is
   * younger than `minAgeMs` (then nothing happens: a storm of failures makes one
   * fresh pool per period, not one per failure). Returns whether it renewed.
   */
  renew(): boolean;
  /**
   * Ends the current pool, giving its queries `graceMs` (default 0: at once), and
   * waits for it and every retired one (each bounded by its grace). Never rejects.
   */
  close(graceMs?: number): Promise<void>;
}

export interface RenewablePoolOptions {
  /** Least age (ms) of a pool before `renew` replaces it. */
  minAgeMs: number;
  /** How long (ms) a retired pool may finish its queries before it is destroyed. */
  graceMs: number;
  /** Monotonic ms; performance.now by default (a manual clock in unit tests). */
  now?: () => number;
}

/** `open(k)` makes the k-th pool (k = 0, 1, …), e.g. to start each one at another host. */
export function renewablePool<P extends EndablePool>(open: (k: number) => P, options: RenewablePoolOptions): RenewablePool<P> {
  const now = options.now ?? (() => performance.now());
  let opened = 0;
  let current = open(opened++);
  let openedAt = now();
  const retiring = new Set<Promise<void>>();

  const retire = (old: P, graceMs: number): void => {
    const ending = old.end({ timeout: graceMs / 1000 }).catch(() => undefined);
    retiring.add(ending);
    void ending.finally(() => retiring.delete(ending));
  };

  return {
    get current() {
      return current;
    },
    renew() {
      if (now() - openedAt < options.minAgeMs) return false;
      retire(current, options.graceMs);
      current = open(opened++);
      openedAt = now();
      return true;
    },
    async close(graceMs = 0) {
      retire(current, graceMs);
      await Promise.all([...retiring]);
    },
  };
}
