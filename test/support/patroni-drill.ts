// What the Patroni lost-write systems tests share: the real CLI run against the
// user-shaped program, Patroni's leader key watched while it runs, and ground
// truth the drill tool did not make — PostgreSQL's own log (promotion, new
// timeline) and the rows the database holds after the drill.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { REPO } from "./cli.ts";
import type { PatroniCluster, PatroniNode } from "./patroni-cluster.ts";

export const PROGRAM = join(REPO, "test/fixtures/patroni-user-program");

export interface DrillOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every holder of the leader key while the drill ran, in order (Patroni's /cluster, every 250 ms). */
  holders: string[];
}

/**
 * `drill <args>` through the real CLI, async (this process supervises Patroni meanwhile),
 * with stdout and stderr apart (stdout is JSON) and SIGINT after `timeoutMs`.
 */
export function drillAsync(args: string[], stateDir: string, timeoutMs = 240_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, "bin/drill.js"), ...args], {
      cwd: REPO, env: { ...process.env, NO_COLOR: "1", DRILL_STATE_DIR: stateDir },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGINT"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Patroni's own truth while something runs: every holder of the leader key, in order (its /cluster, every 250 ms) until `stop()`. */
export function watchLeader(cluster: PatroniCluster): { holders: string[]; stop(): Promise<void> } {
  const holders: string[] = [];
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const now = await cluster.leader();
      if (now && holders.at(-1) !== now) holders.push(now);
      await new Promise((ok) => setTimeout(ok, 250));
    }
  })();
  return {
    holders,
    async stop() {
      watching = false;
      await watch;
    },
  };
}

/** `drill run` of a scenario of the user-shaped program, with the leader key watched while it runs, bounded by `timeoutMs`. */
export async function drillWithWatch(cluster: PatroniCluster, scenario: string, timeoutMs = 240_000): Promise<DrillOutcome> {
  const stateDir = mkdtempSync(join(tmpdir(), "cd-lostwrites-state-"));
  const outDir = mkdtempSync(join(tmpdir(), "cd-lostwrites-out-"));
  const leader = watchLeader(cluster);
  const r = await drillAsync(["run", "--program", PROGRAM, "--stack", "staging", scenario, "--out", outDir, "--json", "--no-reports"], stateDir, timeoutMs).finally(() => leader.stop());
  return { ...r, holders: leader.holders };
}

export interface LedgerFigures {
  ledger: string;
  acknowledged: number;
  lost: number;
  lostAfterFault: number;
  lostSeqs: number[];
  lostAfterFaultSeqs: number[];
}

export interface DrillResult {
  journal: string;
  records: JournalRecord[];
  outcome: string;
  faultConfirmed: boolean;
  rtoMs?: number;
  ledgers: LedgerFigures[];
  /** Wall time (ms since the epoch) of drill clock 0. */
  originWallMs: number;
}

export type JournalRecord = { type: string; t?: number; phase?: string; status?: string; detail?: string; event?: string; ledger?: string; seq?: number; ackAt?: number; present?: number; source?: string; target?: { node?: string }; clockOriginWallMs?: number };

/** The first result of `drill run --json`, with its journal read. */
export function readResult(stdout: string): DrillResult {
  const result = JSON.parse(stdout).results[0] as { journal: string; summary: { outcome: string; faultConfirmed: boolean; service: { rtoMs?: number }; ledgers: LedgerFigures[] } };
  const records = readFileSync(result.journal, "utf8").trim().split("\n").map((l) => JSON.parse(l) as JournalRecord);
  const s = result.summary;
  return { journal: result.journal, records, outcome: s.outcome, faultConfirmed: s.faultConfirmed, ...(s.service.rtoMs !== undefined ? { rtoMs: s.service.rtoMs } : {}), ledgers: s.ledgers, originWallMs: records[0]!.clockOriginWallMs! };
}

export interface Promotion {
  /** Wall time (ms) of "ready to accept connections" / "archive recovery complete". */
  at: number;
  /** The timeline the node switched to ("selected new timeline ID: N"). */
  timeline?: number;
}

const LOG_TIME = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC \[\d+\] LOG:  /;

/** A node's promotion after `afterMs`, from its own PostgreSQL log. */
export function promotionIn(node: PatroniNode, afterMs: number): Promotion | undefined {
  let timeline: number | undefined;
  for (const line of readFileSync(node.pgLog, "utf8").split("\n")) {
    const m = LOG_TIME.exec(line);
    if (!m) continue;
    const at = Date.parse(`${m[1]!.replace(" ", "T")}Z`);
    if (at <= afterMs) continue;
    const tl = /selected new timeline ID: (\d+)/.exec(line);
    if (tl) timeline = Number(tl[1]);
    // After a crash the postmaster starts read-write ("ready to accept connections"); a standby promoted in
    // place says it leaves recovery ("archive recovery complete").
    if (/database system is ready to accept connections|archive recovery complete/.test(line)) return { at, ...(timeline !== undefined ? { timeline } : {}) };
  }
  return undefined;
}

/** The timeline the primary writes on now (the first 8 hex digits of its current WAL file's name). */
export async function primaryTimeline(node: PatroniNode): Promise<number> {
  return withSql(node, async (sql) => {
    const [row] = await sql`select pg_walfile_name(pg_current_wal_lsn()) as f`;
    return parseInt(String(row!.f).slice(0, 8), 16);
  });
}

/** Run ids present in a table of the primary now (none when it does not exist). */
export async function runIds(node: PatroniNode, table: string): Promise<Set<string>> {
  return withSql(node, async (sql) => new Set((await sql`select distinct run_id from ${sql(table)}`.catch(missingTable)).map((r) => String(r.run_id))));
}

/** The seqs of one run that the primary holds now. */
export async function seqsOf(node: PatroniNode, table: string, runId: string): Promise<Set<number>> {
  return withSql(node, async (sql) => new Set((await sql`select seq from ${sql(table)} where run_id = ${runId}`.catch(missingTable)).map((r) => Number(r.seq))));
}

/** The acknowledged writes of one ledger, as the journal recorded them (seq, ack time on the drill clock). */
export function acknowledgedWrites(records: JournalRecord[], ledger: string): { seq: number; ackAt: number }[] {
  return records.filter((r) => r.type === "write" && r.ledger === ledger && r.ackAt !== undefined).map((r) => ({ seq: r.seq!, ackAt: r.ackAt! }));
}

async function withSql<T>(node: PatroniNode, use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(`postgres://postgres:pg@127.0.0.1:${node.pgPort}/postgres`, { max: 1, connect_timeout: 5, onnotice: () => {}, fetch_types: false });
  try {
    return await use(sql);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

const missingTable = (error: { code?: string }) => (error.code === "42P01" ? [] : Promise.reject(error));
