// Synthetic journals, valid per journal/format.ts, with figures known in
// advance: an outage of a given length after t0, lost writes in a given window,
// lost writes acknowledged after the fault. Reports are tested against them until
// real recorded journals exist (test/fixtures/journals/recorded/), and the bench
// uses them to make hour-long drills. Records are generated lazily, so a million
// samples stream to disk without being held.
import { createWriteStream } from "node:fs";
import type { JournalRecordT, LedgerSummaryT, OutcomeT, ProbeSummaryT, SummaryT, VerdictT } from "../../journal/format.ts";

export interface SyntheticOptions {
  service?: string;
  hazard?: string;
  scenario?: string;
  objectives?: { rto?: number; rpo?: number; mtpd?: number; minAvailability?: number; exerciseEvery?: number };
  probes?: { name: string; rateHz: number; target?: string }[];
  ledger?: { name: string; rateHz: number; target?: string } | null;
  /** Healthy time before t0. */
  baselineMs?: number;
  /** Every probe fails from t0 + startMs for lengthMs; null: no disruption. */
  outage?: { startMs: number; lengthMs: number; error?: string } | null;
  afterMs?: number;
  /** Acknowledged writes lost in the window before t0 (the measured RPO is windowMs, rounded to a write). */
  lostBeforeT0?: { count: number; windowMs: number };
  /** Writes acknowledged after recovery, then lost. */
  lostAfterFault?: number;
  outcome?: OutcomeT;
  reason?: string;
  /** false: the journal ends mid-drill, as when the runner is killed. */
  summary?: boolean;
  startedAt?: string;
  drillId?: string;
  /** Extra text for notes and error details (hostile strings, secrets). */
  noteText?: string;
  runbookStep?: string;
  description?: string;
}

const ACK_MS = 3;
const latencyOf = (seq: number) => 2 + (seq % 7) * 0.5;

export function* syntheticRecords(o: SyntheticOptions = {}): Generator<JournalRecordT> {
  const probes = o.probes ?? [{ name: "primary", rateHz: 20, target: "postgres://app@127.0.0.1:5432/orders" }];
  const ledger = o.ledger === undefined ? { name: "orders", rateHz: 10 } : o.ledger;
  const objectives = o.objectives ?? { rto: 30_000, rpo: 0, minAvailability: 0, exerciseEvery: 30 * 86_400_000 };
  const steady = 2_000;
  const t0 = steady + (o.baselineMs ?? 10_000);
  const outage = o.outage === undefined ? { startMs: 400, lengthMs: 7_000 } : o.outage;
  const recoverAt = outage ? t0 + outage.startMs + outage.lengthMs : undefined;
  const end = (recoverAt ?? t0) + (o.afterMs ?? 10_000);
  const down = (t: number) => outage !== null && t >= t0 + outage.startMs && t < recoverAt!;
  const startedAt = o.startedAt ?? "2025-03-14T09:26:53.000Z";
  const origin = Date.parse(startedAt);
  const service = o.service ?? "orders-db";
  yield {
    type: "drill-started", version: 1, drillId: o.drillId ?? `drill-${service}-${origin}`,
    scenario: { name: o.scenario ?? `${service}-${o.hazard ?? "node-loss"}`, file: `scenarios/local/${service}.ts`, description: "Kill the primary; clients must reach the standby", service, hazard: o.hazard ?? "node-loss" },
    plan: { project: "continuity-drill", stack: "local", target: "local", origin: "stacks/index.ts (stack local, mock runtime)" },
    service: {
      name: service, tier: 1, owner: "team-payments", description: o.description ?? "Order records.",
      failoverTargets: [{ name: `${service}-standby`, kind: "standby", mechanism: "automatic", via: "pg_auto_failover", replication: "synchronous", primary: "pg-a", standbys: ["pg-b"], endpoints: {} }],
      dependsOn: [{ service: "network", kind: "hard" }],
      runbook: [{ step: o.runbookStep ?? "The monitor promotes the standby", role: "automation", automated: true }, { step: "Confirm the new primary", role: "dba", automated: false, target: "5m" }],
    },
    hazard: { id: o.hazard ?? "node-loss", title: "A node dies", likelihood: "possible", impact: "major" },
    objectivesMs: objectives,
    windowsMs: { steady, baseline: t0 - steady, stableFor: 3_000, observeTimeout: 120_000, after: o.afterMs ?? 10_000 },
    probes: probes.map((p) => ({ name: p.name, kind: "postgres", target: p.target ?? "postgres://app@127.0.0.1:5432/orders", rateHz: p.rateHz, timeoutMs: 1_000, latencyBoundMs: 250 })),
    ledgers: ledger ? [{ name: ledger.name, kind: "postgres", target: ledger.target ?? "postgres://app@127.0.0.1:5432/orders", rateHz: ledger.rateHz, timeoutMs: 1_000 }] : [],
    faults: [{ kind: "kill", target: { node: "pg-a" }, params: { signal: "SIGKILL" } }],
    startedAt, clockOriginWallMs: origin,
    tool: { name: "continuity-drill", version: "0.1.0" },
    host: { hostname: "ci-runner-7", platform: "linux", node: "v20.19.0", user: "alice" },
    load: { kind: "builtin" },
  };
  yield { type: "phase", t: 0, phase: "preflight", status: "started" };
  if (o.noteText) yield { type: "note", t: 1, level: "warn", message: o.noteText };
  const stats = new Map(probes.map((p) => [p.name, { n: 0, ok: 0, during: 0, duringOk: 0, first: undefined as number | undefined, recovered: undefined as number | undefined }]));
  const writes = { n: 0, acked: 0, acks: [] as { seq: number; ackAt: number }[] };
  const healAt = (recoverAt ?? t0) + 1_000;
  let phaseDone = 0;
  const phases: [number, JournalRecordT][] = [
    [steady, { type: "phase", t: steady, phase: "baseline", status: "started" }],
    [t0 - 50, { type: "fault", t: t0 - 50, fault: 0, kind: "kill", event: "injecting", target: { node: "pg-a" } }],
    [t0, { type: "fault", t: t0, fault: 0, kind: "kill", event: "injected", target: { node: "pg-a", pid: 4242 }, detail: o.noteText }],
    [t0, { type: "phase", t: t0, phase: "observe", status: "started" }],
    [t0 + 100, { type: "fault", t: t0 + 100, fault: 0, kind: "kill", event: "confirmed" }],
    [healAt, { type: "fault", t: healAt, fault: 0, kind: "kill", event: "healing" }],
    [healAt + 800, { type: "fault", t: healAt + 800, fault: 0, kind: "kill", event: "healed" }],
  ];
  for (let slice = 0; slice < end; slice += 1_000) {
    const batch: JournalRecordT[] = [];
    for (const p of probes) {
      const every = 1_000 / p.rateHz;
      const st = stats.get(p.name)!;
      for (let seq = Math.ceil(slice / every); seq * every < Math.min(slice + 1_000, end); seq++) {
        const t = seq * every;
        const ok = !down(t);
        st.n++;
        if (ok) st.ok++;
        if (t >= t0 && (recoverAt === undefined || t < recoverAt)) { st.during++; if (ok) st.duringOk++; }
        if (!ok && st.first === undefined) st.first = t;
        if (ok && st.first !== undefined && st.recovered === undefined) st.recovered = t;
        batch.push(ok ? { type: "sample", probe: p.name, seq, t, ok, latencyMs: latencyOf(seq) } : { type: "sample", probe: p.name, seq, t, ok, latencyMs: 0.4, error: outage?.error ?? "ECONNREFUSED" });
      }
    }
    if (ledger) {
      const every = 1_000 / ledger.rateHz;
      for (let seq = Math.ceil(slice / every); seq * every < Math.min(slice + 1_000, end); seq++) {
        const t = seq * every;
        writes.n++;
        if (down(t) || down(t + ACK_MS)) { batch.push({ type: "write", ledger: ledger.name, seq, t, error: "timeout" }); continue; }
        writes.acked++;
        if (t + ACK_MS >= t0 - (o.lostBeforeT0?.windowMs ?? 0) - every && t < t0 + 1_000) writes.acks.push({ seq, ackAt: t + ACK_MS });
        if (recoverAt !== undefined && t > recoverAt && t < recoverAt + 2_000) writes.acks.push({ seq, ackAt: t + ACK_MS });
        batch.push({ type: "write", ledger: ledger.name, seq, t, ackAt: t + ACK_MS });
      }
    }
    while (phaseDone < phases.length && phases[phaseDone]![0] < slice + 1_000) batch.push(phases[phaseDone++]![1]);
    yield* batch.sort((a, b) => ("t" in a ? a.t : 0) - ("t" in b ? b.t : 0));
  }
  yield { type: "phase", t: end, phase: "heal", status: "ended" };
  if (o.summary === false) return;
  if (ledger) yield { type: "readback", ledger: ledger.name, t: end + 200, present: writes.acked, corrupted: [], source: "pg-b" };
  yield { type: "phase", t: end + 300, phase: "judge", status: "ended" };
  yield syntheticSummary(o, { t0, end, probes, stats, writes, ledger, objectives, recoverAt });
}

type Stats = { n: number; ok: number; during: number; duringOk: number; first?: number; recovered?: number };

function syntheticSummary(o: SyntheticOptions, c: {
  t0: number; end: number; probes: { name: string; rateHz: number }[]; stats: Map<string, Stats>; recoverAt?: number;
  writes: { n: number; acked: number; acks: { seq: number; ackAt: number }[] }; ledger: { name: string; rateHz: number } | null; objectives: NonNullable<SyntheticOptions["objectives"]>;
}): SummaryT {
  const pct = { count: 100, p50: 3.5, p90: 5, p99: 5, max: 5 };
  const probes: ProbeSummaryT[] = c.probes.map((p) => {
    const s = c.stats.get(p.name)!;
    const recovered = s.first === undefined || s.recovered !== undefined;
    return {
      probe: p.name, samples: s.n, resolutionMs: 1_000 / p.rateHz, noDisruption: s.first === undefined, recovered,
      firstDisruptedAt: s.first, recoveredAt: s.recovered, rtoMs: s.recovered !== undefined ? s.recovered - c.t0 : undefined,
      detectMs: s.first !== undefined ? s.first - c.t0 : undefined, availabilityDuring: s.during ? (100 * s.duringOk) / s.during : undefined,
      availabilityOverall: (100 * s.ok) / s.n, errors: s.n - s.ok ? { [o.outage?.error ?? "ECONNREFUSED"]: s.n - s.ok } : {},
      latency: { before: pct, during: s.duringOk ? pct : null, after: pct },
    };
  });
  const before = c.writes.acks.filter((a) => a.ackAt < c.t0);
  const lostBefore = spread(before.filter((a) => a.ackAt >= c.t0 - (o.lostBeforeT0?.windowMs ?? 0)), o.lostBeforeT0?.count ?? 0);
  const lostAfter = c.writes.acks.filter((a) => c.recoverAt !== undefined && a.ackAt > c.recoverAt).slice(0, o.lostAfterFault ?? 0);
  const dataLoss = lostBefore.length ? c.t0 - Math.min(...lostBefore.map((a) => a.ackAt)) : 0;
  const ledgers: LedgerSummaryT[] = c.ledger ? [{
    ledger: c.ledger.name, written: c.writes.n, acknowledged: c.writes.acked, unacknowledged: c.writes.n - c.writes.acked,
    lost: lostBefore.length + lostAfter.length, lostSeqs: [...lostBefore, ...lostAfter].map((a) => a.seq),
    lostAfterFault: lostAfter.length, lostAfterFaultSeqs: lostAfter.map((a) => a.seq),
    unacknowledgedPresent: 0, corrupted: 0, dataLossWindowMs: dataLoss, readBack: true,
  }] : [];
  const rto = probes.some((p) => !p.recovered) ? undefined : Math.max(0, ...probes.map((p) => p.rtoMs ?? 0));
  const avail = Math.min(...probes.map((p) => p.availabilityDuring ?? 100));
  const res = Math.max(...probes.map((p) => p.resolutionMs));
  const verdicts: VerdictT[] = [
    atMost("rto", c.objectives.rto, rto, "ms", res),
    atMost("rpo", c.objectives.rpo, c.ledger ? dataLoss : undefined, "ms", c.ledger ? 1_000 / c.ledger.rateHz : undefined),
    c.objectives.minAvailability === undefined ? { objective: "availability", status: "not-measured", unit: "%", note: "no objective" }
      : { objective: "availability", status: avail >= c.objectives.minAvailability ? "met" : "missed", target: c.objectives.minAvailability, measured: avail, unit: "%", margin: avail - c.objectives.minAvailability },
    atMost("lost-after-fault", c.ledger ? 0 : undefined, c.ledger ? lostAfter.length : undefined, "writes"),
  ];
  // A drill that never injected judges nothing.
  if (o.outcome === "not-started") verdicts.splice(0, verdicts.length, ...verdicts.map((v): VerdictT => ({ objective: v.objective, status: "not-measured", unit: v.unit, target: v.target, note: "not started" })));
  const missed = verdicts.some((v) => v.status === "missed");
  return {
    type: "summary", outcome: o.outcome ?? (missed ? "failed" : "passed"), reason: o.reason, t0: c.t0, faultConfirmed: true,
    service: { name: o.service ?? "orders-db", rtoMs: o.outcome === "not-started" ? undefined : rto, recovered: rto !== undefined, noDisruption: probes.every((p) => p.noDisruption), detectMs: finiteOr(Math.min(...probes.map((p) => p.detectMs ?? Infinity))), availabilityDuring: avail, resolutionMs: res },
    probes, ledgers, verdicts, durationMs: c.end + 300, endedAt: new Date(Date.parse(o.startedAt ?? "2025-03-14T09:26:53.000Z") + c.end + 300).toISOString(),
  };
}

function atMost(objective: VerdictT["objective"], target: number | undefined, measured: number | undefined, unit: VerdictT["unit"], resolutionMs?: number): VerdictT {
  if (target === undefined || measured === undefined) return { objective, status: "not-measured", unit, target, note: target === undefined ? "no objective" : "not measured" };
  return { objective, status: measured <= target ? "met" : "missed", target, measured, unit, margin: target - measured, resolutionMs };
}

const finiteOr = (n: number) => (Number.isFinite(n) ? n : undefined);

/** `count` items evenly spread over `items`, always including the first (the earliest sets the window). */
function spread<T>(items: T[], count: number): T[] {
  if (count <= 0 || items.length === 0) return [];
  const step = items.length / Math.min(count, items.length);
  return Array.from({ length: Math.min(count, items.length) }, (_, i) => items[Math.floor(i * step)]!);
}

export function syntheticJournalText(o: SyntheticOptions = {}): string {
  let out = "";
  for (const r of syntheticRecords(o)) out += `${JSON.stringify(r)}\n`;
  return out;
}

/** Streams a (possibly huge) synthetic journal to disk. */
export async function writeSyntheticJournal(file: string, o: SyntheticOptions = {}): Promise<void> {
  const out = createWriteStream(file);
  let buffer = "";
  for (const r of syntheticRecords(o)) {
    buffer += `${JSON.stringify(r)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      buffer = "";
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(buffer, () => resolve());
  });
}

const DAY = 86_400_000;

/**
 * The committed fixtures (test/fixtures/journals/), each named after what it
 * carries. Regenerate with `npx tsx test/support/synthetic-journal.ts --write`;
 * a unit test fails when the files and this table disagree.
 */
export const FIXTURES: Record<string, SyntheticOptions> = {
  "passed-orders-db-node-loss": { startedAt: "2025-03-14T09:26:53.000Z", probes: [{ name: "primary", rateHz: 20 }, { name: "via-haproxy", rateHz: 10, target: "http://127.0.0.1:8080/health" }] },
  "missed-rto": {
    service: "sessions-cache", hazard: "process-hang", startedAt: "2025-03-10T14:00:00.000Z",
    objectives: { rto: 10_000, rpo: 5_000, minAvailability: 0, exerciseEvery: 30 * DAY },
    probes: [{ name: "sentinel-master", rateHz: 20, target: "redis://127.0.0.1:16390" }], ledger: { name: "sessions", rateHz: 20, target: "redis://127.0.0.1:16390" },
    outage: { startMs: 300, lengthMs: 14_200, error: "timeout" }, lostBeforeT0: { count: 4, windowMs: 900 }, afterMs: 8_000,
  },
  "lost-after-fault": {
    hazard: "network-partition", startedAt: "2025-02-20T11:15:00.000Z",
    outage: { startMs: 200, lengthMs: 4_800 }, lostBeforeT0: { count: 2, windowMs: 400 }, lostAfterFault: 3,
  },
  "not-started-preflight": {
    service: "web", hazard: "dependency-latency", startedAt: "2025-03-12T16:45:00.000Z", outage: null, outcome: "not-started",
    reason: "preflight: probe primary was not healthy for 2.00 s (ECONNREFUSED)", afterMs: 0, baselineMs: 0,
  },
  "interrupted-no-summary": { startedAt: "2025-03-01T08:00:00.000Z", summary: false, afterMs: 2_000 },
  "hostile-names": {
    service: "<script>alert(1)</script>", hazard: "x|y<b>", scenario: "drop | table & \"quotes\" <img src=x onerror=alert(2)>",
    startedAt: "2025-03-05T10:00:00.000Z",
    probes: [{ name: "p|<i>1</i>", rateHz: 10, target: "postgres://app:s3cretpw@db.internal:5432/orders?sslmode=require" }],
    ledger: { name: "ledger`*_", rateHz: 10, target: "redis://:hunter2pw@cache:6379/0" },
    noteText: "TOKEN=tok3nvalue api_key=k3yvalue AKIAIOSFODNN7EXAMPLE https://h/x?token=qs3cret&x=1 </td></tr><script>alert(3)</script>",
    runbookStep: "Run <script>alert(4)</script> | then **celebrate** [x](javascript:alert(5))",
    description: "PGPASSWORD=envs3cret psql",
    outage: { startMs: 100, lengthMs: 2_000, error: "connect ECONNREFUSED postgres://app:s3cretpw@db.internal:5432 <img src=x onerror=alert(6)>" },
  },
};

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes("--write")) {
  const { writeFileSync } = await import("node:fs");
  for (const [name, options] of Object.entries(FIXTURES)) {
    writeFileSync(new URL(`../fixtures/journals/${name}.jsonl`, import.meta.url), syntheticJournalText(options));
    process.stdout.write(`wrote test/fixtures/journals/${name}.jsonl\n`);
  }
}
