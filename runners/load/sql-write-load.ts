// The built-in SQL write load: a pgbench-like transaction (UPDATE one
// account's balance, INSERT one history row, COMMIT) sent open loop at a fixed
// rate on the drill clock (runners/schedule/open-loop-schedule.ts), to whichever node is primary now
// (target_session_attrs=primary). Its samples are write-path samples: a COMMIT
// that returned is ok, an error is classified like the postgres probe's (a
// read-only standby is "wrong-role"), no answer within the timeout is a
// timeout. The tally (sql-tally.ts) counts every transaction exactly once.
import postgres from "postgres";
import type { Clock } from "../../core/clock.ts";
import { classifyPostgresError } from "../probes/postgres.ts";
import { InOrder } from "../probes/in-order.ts";
import { redactTarget } from "../probes/redact.ts";
import type { ProbeInfo, Sample } from "../probes/sample.ts";
import { Deadlines, type Open } from "./deadlines.ts";
import type { LoadGenerator, LoadResult, LoadStats } from "./load.ts";
import { OpenLoopSchedule } from "../schedule/open-loop-schedule.ts";
import { SqlWriteTally } from "./sql-tally.ts";
import type { SqlWriteSpec } from "./sql-write-spec.ts";

interface Tx extends Open { intendedT: number | undefined }
const SWEEP_MS = 25;

export class SqlWriteLoad implements LoadGenerator {
  readonly which = "builtin" as const;
  readonly why = "built-in SQL writer (pgbench-like transaction)";
  readonly info: ProbeInfo;
  readonly tally = new SqlWriteTally();
  private readonly runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  private sql: postgres.Sql | undefined;
  private ready: Promise<void> | undefined;
  private clock: Clock | undefined;
  private schedule: OpenLoopSchedule | undefined;
  private order: InOrder | undefined;
  private stopping: Promise<LoadResult> | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly deadlines = new Deadlines();
  private maxSeen = 0;

  constructor(private readonly spec: SqlWriteSpec) {
    this.info = { name: spec.name, kind: "postgres", target: redactTarget(spec.url), rateHz: spec.rateHz, timeoutMs: spec.timeoutMs, latencyBoundMs: spec.timeoutMs, servicePath: "write" };
  }

  /** The history table, to check acknowledged seqs against: rows of this run have `run_id` = `runIdOf()`. */
  tables() { return { accounts: `${this.spec.tablePrefix}_accounts`, history: `${this.spec.tablePrefix}_history`, runId: this.runId }; }

  start(clock: Clock, onSample: (s: Sample) => void): void {
    if (this.clock) throw new Error(`load "${this.info.name}" was already started`);
    this.clock = clock;
    this.order = new InOrder(onSample);
    const attrs = /[?&]target_session_attrs=/.test(this.spec.url) ? {} : { target_session_attrs: "primary" as const };
    this.sql = postgres(this.spec.url, { max: this.spec.maxInFlight, connect_timeout: Math.max(1, Math.ceil(this.spec.timeoutMs / 1000)), idle_timeout: 30, onnotice: () => {}, fetch_types: false, ...attrs });
    // Transactions wait for the tables; a failed setup fails them (and shows as errors on the timeline).
    this.ready = this.prepare();
    this.ready.catch(() => undefined);
    this.schedule = new OpenLoopSchedule(clock, { rateHz: this.spec.rateHz, capMs: this.spec.durationCapMs }, this.send);
    this.sweeper = setInterval(this.sweep, SWEEP_MS);
    this.schedule.start();
  }

  stats(): LoadStats {
    const c = this.tally.snapshot();
    return { samples: this.order?.delivered ?? 0, shed: c.shed, inFlight: this.tally.open, maxInFlightSeen: this.maxSeen, maxLagMs: this.schedule?.maxLagMs ?? 0 };
  }

  stop(): Promise<LoadResult> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async prepare(): Promise<void> {
    const { accounts, history } = this.tables();
    const sql = this.sql!;
    await sql`create table if not exists ${sql(accounts)} (aid int primary key, balance bigint not null default 0)`.catch(ignoreRace);
    await sql`create table if not exists ${sql(history)} (run_id text not null, seq bigint not null, aid int not null, delta int not null, at timestamptz not null default now(), primary key (run_id, seq))`.catch(ignoreRace);
    await sql`insert into ${sql(accounts)} (aid) select g from generate_series(1, ${this.spec.accounts}::int) g on conflict do nothing`;
  }

  private async drain(): Promise<LoadResult> {
    this.schedule?.stop();
    const until = Date.now() + this.spec.timeoutMs + 1_000;
    while (this.tally.open > 0 && Date.now() < until) await new Promise((ok) => setTimeout(ok, SWEEP_MS));
    clearInterval(this.sweeper);
    await this.sql?.end({ timeout: 2 }).catch(() => undefined);
    const c = this.tally.snapshot();
    return { which: "builtin", requests: c.sent, shed: c.shed,
      detail: `SQL writes at ${this.spec.rateHz}/s: ${c.acknowledged} acknowledged, ${c.failed} failed, ${c.timedOut} timed out (${c.lateCommits} of them committed late), ${c.shed} shed of ${c.sent + c.shed}` };
  }

  private readonly send = (seq: number, t: number, intendedT: number | undefined): void => {
    if (this.tally.open >= this.spec.maxInFlight) {
      this.tally.shed(seq);
      return this.put({ seq, t, ok: false, latencyMs: this.spec.timeoutMs, error: "timeout", detail: `shed: ${this.tally.open} transactions already in flight` }, intendedT);
    }
    const tx: Tx = { seq, sentAt: t, done: false, intendedT };
    this.deadlines.add(tx);
    this.tally.sent(seq);
    this.maxSeen = Math.max(this.maxSeen, this.tally.open);
    this.transaction(seq).then(
      () => this.answered(tx, undefined),
      (error: unknown) => this.answered(tx, error),
    );
  };

  private async transaction(seq: number): Promise<void> {
    await this.ready;
    const { accounts, history } = this.tables();
    const aid = 1 + (Math.imul(seq, 2654435761) >>> 0) % this.spec.accounts; // spread, reproducible per seq
    const delta = (seq % 1999) - 999;
    await this.sql!.begin(async (tx) => {
      await tx`update ${tx(accounts)} set balance = balance + ${delta} where aid = ${aid}`;
      await tx`insert into ${tx(history)} (run_id, seq, aid, delta) values (${this.runId}, ${seq}, ${aid}, ${delta})`;
    });
  }

  private answered(tx: Tx, error: unknown): void {
    const late = tx.done; // already recorded as a timeout by the sweeper
    if (error === undefined) this.tally.committed(tx.seq);
    else this.tally.failed(tx.seq);
    if (late) return;
    tx.done = true;
    const latencyMs = this.clock!.now() - tx.sentAt;
    if (error === undefined) return this.put({ seq: tx.seq, t: tx.sentAt, ok: true, latencyMs }, tx.intendedT);
    const { error: cls, detail } = classifyPostgresError(error);
    this.put({ seq: tx.seq, t: tx.sentAt, ok: false, latencyMs, error: cls, detail }, tx.intendedT);
  }

  private put(sample: Sample, intendedT: number | undefined): void {
    if (intendedT !== undefined) sample.intendedT = intendedT;
    this.order!.put(sample);
  }

  private readonly sweep = (): void => {
    if (!this.clock) return;
    this.deadlines.sweep(this.clock.now() - this.spec.timeoutMs, (o) => {
      this.tally.timedOut(o.seq);
      this.put({ seq: o.seq, t: o.sentAt, ok: false, latencyMs: this.spec.timeoutMs, error: "timeout", detail: `no COMMIT within ${this.spec.timeoutMs} ms` }, (o as Tx).intendedT);
    });
  };
}

// Two writers creating the same table at once: the loser sees a duplicate type/relation.
const ignoreRace = (error: { code?: string }) => (["23505", "42P07"].includes(error.code ?? "") ? undefined : Promise.reject(error));
