// One lost-write drill on a Patroni cluster the test started: the SQL write
// load (pgbench-like, open loop: the user's traffic, a process of its own) runs while
// the real CLI drills the live leader; then ground truth is read from the
// cluster itself — who holds the leader key (Patroni), the promotion and its
// new timeline (PostgreSQL's log), the timeline the primary writes on now, and
// the rows the primary holds — to check what the drill measured.
import type { PatroniCluster } from "./patroni-cluster.ts";
import { startSqlLoad } from "./sql-load.ts";
import { acknowledgedWrites, drillWithWatch, primaryTimeline, promotionIn, readResult, runIds, seqsOf, type DrillResult, type Promotion } from "./patroni-drill.ts";

export const LEDGER = "billing-ledger";
const LEDGER_TABLE = "drill_ledger";

export interface LostWriteDrill {
  result: DrillResult;
  stderr: string;
  before: string;
  holders: string[];
  /** The node Patroni promoted (first holder other than the old leader). */
  promoted?: string;
  promotion?: Promotion;
  /** Timeline the primary writes on after the drill (pg_current_wal_lsn's WAL file). */
  finalTimeline: number;
  /** The drill's figures: every seq the ledger counted lost (before and after t0), ascending. */
  measuredLost: number[];
  /** Ground truth: seqs the journal records as acknowledged that the primary does not hold now. */
  missingInDb: number[];
  /** Of those, acknowledged at or after the promotion (by the promoted node). */
  missingAckedAfterPromotion: number;
  dbRows: number;
  readBackPresent?: number;
  /** The SQL write load's own exact tally, against its history table. */
  load: { acknowledged: number; missingInDb: number; detail: string; nullSocketWrites: number };
}

export async function lostWriteDrill(cluster: PatroniCluster, scenario: string): Promise<LostWriteDrill> {
  await cluster.waitHealthy(120_000);
  const before = (await cluster.leader())!;
  const node = (name: string) => cluster.nodes.find((n) => n.name === name)!;
  const runsBefore = await runIds(node(before), LEDGER_TABLE);
  const url = `postgres://postgres:pg@${cluster.nodes.map((n) => `127.0.0.1:${n.pgPort}`).join(",")}/postgres?target_session_attrs=primary`;
  const load = await startSqlLoad({ url, rateHz: 50, timeoutMs: 2_000, maxInFlight: 16, durationCap: "5m" });
  const run = await drillWithWatch(cluster, scenario).finally(() => load.stop().catch(() => undefined));
  const loaded = await load.stop();
  if (!run.stdout.trim().startsWith("{")) throw new Error(`drill run ${scenario} printed no result (exit ${run.code}):\n${run.stderr}`);
  const result = readResult(run.stdout);
  // The drill's restore waited for full redundancy; read the truth from whoever leads now.
  await cluster.waitHealthy(120_000);
  const now = node((await cluster.leader())!);
  const injected = result.records.find((r) => r.type === "fault" && r.event === "injected")!;
  const injectWall = result.originWallMs + injected.t!;
  const promoted = run.holders.find((h) => h !== before);
  const promotion = promoted ? promotionIn(node(promoted), injectWall) : undefined;
  const newRuns = [...(await runIds(now, LEDGER_TABLE))].filter((id) => !runsBefore.has(id));
  if (newRuns.length > 1) throw new Error(`more than one new ledger run in ${LEDGER_TABLE}: ${newRuns.join(", ")}`);
  const inDb = newRuns[0] ? await seqsOf(now, LEDGER_TABLE, newRuns[0]) : new Set<number>();
  const acked = acknowledgedWrites(result.records, LEDGER);
  const missing = acked.filter((w) => !inDb.has(w.seq));
  const ledger = result.ledgers.find((l) => l.ledger === LEDGER)!;
  const loadRows = await seqsOf(now, loaded.history, loaded.runId);
  const readBack = result.records.find((r) => r.type === "readback" && r.ledger === LEDGER);
  return {
    result, stderr: run.stderr, before, holders: run.holders,
    ...(promoted ? { promoted } : {}), ...(promotion ? { promotion } : {}),
    finalTimeline: await primaryTimeline(now),
    measuredLost: [...ledger.lostSeqs, ...ledger.lostAfterFaultSeqs].sort((a, b) => a - b),
    missingInDb: missing.map((w) => w.seq).sort((a, b) => a - b),
    missingAckedAfterPromotion: promotion ? missing.filter((w) => result.originWallMs + w.ackAt >= promotion.at).length : 0,
    dbRows: inDb.size,
    ...(readBack?.present !== undefined ? { readBackPresent: readBack.present } : {}),
    load: { acknowledged: loaded.acknowledged.length, missingInDb: loaded.acknowledged.filter((s) => !loadRows.has(s)).length, detail: loaded.detail, nullSocketWrites: loaded.nullSocketWrites },
  };
}

/** One line per drill for the figures table (docs/patroni.md). */
export function figureLine(label: string, d: LostWriteDrill): string {
  const l = d.result.ledgers.find((x) => x.ledger === LEDGER)!;
  const tookBack = d.promoted !== undefined && d.holders.at(-1) === d.before;
  const abandoned = d.promotion?.timeline !== undefined && d.finalTimeline < d.promotion.timeline;
  return `${label}: leader key ${d.holders.join(" → ")}${tookBack ? " (old leader took it back)" : ""}; ` +
    `promoted ${d.promoted ?? "none"} on timeline ${d.promotion?.timeline ?? "?"}, primary now on timeline ${d.finalTimeline}${abandoned ? " (promoted timeline abandoned)" : ""}; ` +
    `RTO ${d.result.rtoMs === undefined ? "none" : `${(d.result.rtoMs / 1000).toFixed(2)} s`}; ` +
    `ledger lost ${l.lost} before / ${l.lostAfterFault} after t0 of ${l.acknowledged} acknowledged (database misses ${d.missingInDb.length}, ${d.missingAckedAfterPromotion} of them acknowledged after the promotion); ` +
    `SQL write load: ${d.load.missingInDb} of ${d.load.acknowledged} acknowledged missing${d.load.nullSocketWrites ? ` (postgres.js null-socket write ×${d.load.nullSocketWrites})` : ""}; outcome ${d.result.outcome}`;
}
