// The SQL write load against a real PostgreSQL that goes away and comes back:
// its samples show the outage on the write path, and its accounting agrees
// with the database: every acknowledged transaction is there, nothing counted
// acknowledged is missing, and no more rows exist than could have committed.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { monotonicClock } from "../../core/clock.ts";
import { SqlWriteLoad } from "../../runners/load/sql-write-load.ts";
import { parseSqlWriteSpec } from "../../runners/load/sql-write-spec.ts";
import type { Sample } from "../../runners/probes/sample.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-postgres.ts";

let pg: ThrowawayPostgres;
beforeAll(async () => void (pg = await startThrowawayPostgres()));
afterAll(async () => await pg?.destroy());

describe("SQL write load", () => {
  it("counts acknowledged / failed / timed out exactly as the database saw them, through a restart", async () => {
    const load = new SqlWriteLoad(parseSqlWriteSpec({ url: pg.url, rateHz: 50, timeoutMs: 1_000, maxInFlight: 8 }));
    const samples: Sample[] = [];
    load.start(monotonicClock(), (s) => samples.push(s));
    await new Promise((ok) => setTimeout(ok, 2_000));
    await pg.stop(true); // a crash: SIGKILL of the postmaster
    await new Promise((ok) => setTimeout(ok, 1_500));
    await pg.start();
    // Back when 25 transactions in a row are acknowledged again (bounded: a load that never recovers fails here).
    const healthyRun = () => samples.length >= 25 && samples.slice(-25).every((s) => s.ok);
    const restartedAt = samples.length;
    await vi.waitFor(() => expect(samples.length > restartedAt + 25 && healthyRun()).toBe(true), { timeout: 20_000, interval: 100 });
    const result = await load.stop();
    const c = load.tally.snapshot();
    const { history, runId } = load.tables();
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    const rows = (await sql`select seq from ${sql(history)} where run_id = ${runId}`).map((r) => Number(r.seq));
    await sql.end();
    process.stderr.write(`\n[sql write load] ${result.detail}; ${rows.length} rows in the database\n`);
    expect(samples.length).toBe(c.sent + c.shed); // one sample per scheduled transaction
    expect(c.acknowledged + c.failed + c.timedOut).toBe(c.sent);
    expect(samples.filter((s) => s.ok).length).toBe(c.acknowledged);
    const inDb = new Set(rows);
    expect(load.tally.acknowledgedSeqs().filter((s) => !inDb.has(s))).toEqual([]); // nothing acknowledged is lost
    expect(rows.length).toBeGreaterThanOrEqual(c.acknowledged + c.lateCommits);
    expect(rows.length).toBeLessThanOrEqual(c.sent - c.failed);
    // The outage is on the write path: errors in the middle, healthy before and after.
    expect(c.failed + c.timedOut).toBeGreaterThan(0);
    // (The first second is left out: opening 8 connections and seeding 1 000 accounts may take it on a busy machine.)
    const t0 = samples[0]!.t;
    expect(samples.filter((s) => s.t - t0 >= 1_000 && s.t - t0 < 1_900).every((s) => s.ok)).toBe(true);
    expect(healthyRun()).toBe(true);
    expect(load.info.servicePath).toBe("write");
  });
});
