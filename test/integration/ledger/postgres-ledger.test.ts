// The PostgreSQL ledger against a real PostgreSQL 15 through the fault proxy.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { createLedger } from "../../../runners/ledger/create-ledger.ts";
import { startTcpProxy, type TcpProxy } from "../../../runners/proxy/tcp-proxy.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../support/throwaway-postgres.ts";
import { runStoreDrill } from "./store-drill.ts";

let pg: ThrowawayPostgres;
let proxy: TcpProxy;
let direct: postgres.Sql;
const viaProxy = () => `postgres://postgres@127.0.0.1:${proxy.listen.port}/postgres`;

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  proxy = await startTcpProxy({ upstreamHost: "127.0.0.1", upstreamPort: pg.port, name: "pg" });
  direct = postgres(pg.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await direct?.end({ timeout: 1 });
  await proxy?.close();
  await pg?.destroy();
});

describe("postgres ledger", () => {
  it("reports exactly the deleted and altered rows, and inserts that committed after timing out", async () => {
    const runId = `pg-truth-${Date.now()}`;
    const writer = createLedger({ kind: "postgres", name: "db", target: viaProxy(), rateHz: 50, timeoutMs: 300, runId });
    const outcome = await runStoreDrill(writer, proxy, {
      drop: new Set([1, 6, 13, 22]),
      corrupt: new Set([3, 19]),
      remove: async (seq) => void (await direct`delete from drill_ledger where run_id = ${runId} and seq = ${seq}`),
      alter: async (seq) => void (await direct`update drill_ledger set payload = 'x' where run_id = ${runId} and seq = ${seq}`),
    });
    await writer.close();

    // Sabotage hits only acknowledged writes; on a loaded machine one may have timed out instead.
    expect(outcome.sabotaged.dropped.length).toBeGreaterThan(0);
    expect(outcome.result.lost).toEqual(outcome.sabotaged.dropped);
    expect(outcome.result.corrupted).toEqual(outcome.sabotaged.corrupted);
    expect(outcome.sabotaged.corrupted.length).toBeGreaterThan(0);
    // Writes sent while answers came too late landed all the same.
    expect(outcome.result.unacknowledgedPresent.filter((seq) => outcome.slowPhase.has(seq)).length).toBeGreaterThan(0);
  });

  it("recovers after a partition heals and reads back from the primary", async () => {
    const writer = createLedger({ kind: "postgres", name: "db", target: viaProxy(), rateHz: 50, timeoutMs: 200 });
    const clock = monotonicClock();
    let healedAt = Number.POSITIVE_INFINITY;
    const acks: number[] = [];
    const errors: number[] = [];
    await writer.prepare();
    const ackedAfterHeal: number[] = [];
    writer.start(clock, (w) => {
      (w.ackAt === undefined ? errors : acks).push(w.seq);
      if (w.ackAt !== undefined && w.t > healedAt) ackedAfterHeal.push(w.seq);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.setMode({ kind: "blackhole" });
    await new Promise((resolve) => setTimeout(resolve, 600));
    proxy.setMode({ kind: "pass" });
    healedAt = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await writer.stop();
    const readBack = await writer.readBack(clock);
    await writer.close();
    expect(errors.length).toBeGreaterThan(10);
    expect(ackedAfterHeal.length).toBeGreaterThan(10); // writes resumed after the heal
    const present = new Set(readBack.present);
    expect(acks.filter((seq) => !present.has(seq))).toEqual([]);
    expect(readBack.source).toMatch(/^postgres primary 127\.0\.0\.1:\d+$/);
  });

  it("a run whose table is gone on the primary reads back as nothing present", async () => {
    const writer = createLedger({ kind: "postgres", name: "db", target: pg.url, table: "never_created", settleMs: 0 });
    const readBack = await writer.readBack(monotonicClock());
    await writer.close();
    expect(readBack.present).toEqual([]);
  });
});
