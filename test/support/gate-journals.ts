// Small journals for gate and regression tests: only what a gate reads (the
// drill-started record and the summary), each record checked against
// journal/format.ts so a fixture can never drift from the format.
// Figures are given directly: an RTO, a data-loss window, an outcome.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JournalRecord, type JournalRecordT, type OutcomeT, type SummaryT, type VerdictT } from "../../journal/format.ts";
import type { Journal } from "../../journal/read.ts";
import { digestOf, serviceDigests, sha256 } from "../../journal/identity.ts";

export interface GateDrill {
  scenario?: string;
  stack?: string;
  service?: string;
  /** Measured RTO (ms), or how it was not measured. */
  measuredRtoMs?: number | "not-recovered" | "no-disruption";
  /** Data-loss window (ms), or why there is none. Default: no ledger. */
  dataLossMs?: number | "no-ledger" | "no-readback";
  objectives?: { rto?: number; rpo?: number };
  /** Default: failed when a verdict is missed or writes were lost after the fault, else passed. */
  outcome?: OutcomeT;
  /** false: the drill was killed before it wrote its summary. */
  summary?: boolean;
  repeat?: { index: number; of: number };
  startedAt?: string;
  lostAfterFault?: number;
  faultConfirmed?: boolean;
  drillId?: string;
  /** Default "continuity-drill". */
  project?: string;
  hazard?: string;
  /** The service's plan entry as the drill exercised it (identity digests are computed from it). */
  serviceEntry?: Record<string, unknown>;
  /** 1: a journal written before identity existed. Default 2. */
  version?: 1 | 2;
  runId?: string;
  /** Without a ledger the RPO is waived by default ("no ledger in this fixture"); false leaves it not measured. */
  rpoWaived?: false | string;
}

let counter = 0;

export function gateRecords(d: GateDrill): JournalRecordT[] {
  const scenario = d.scenario ?? "orders-db-node-loss";
  const stack = d.stack ?? "local";
  const service = d.service ?? "orders-db";
  const objectives = d.objectives ?? { rto: 30_000, rpo: 0 };
  const ledger = d.dataLossMs !== undefined && d.dataLossMs !== "no-ledger";
  const startedAt = d.startedAt ?? new Date(Date.parse("2025-03-14T09:00:00Z") + counter * 60_000).toISOString();
  const drillId = d.drillId ?? `${startedAt.replace(/[-:.]/g, "")}-${scenario}-${++counter}`;
  const project = d.project ?? "continuity-drill";
  const entry = d.serviceEntry ?? { name: service };
  const identity = {
    runId: d.runId ?? "20250314T090000Z-test0000", planDigest: digestOf({ project, stack, services: [entry] }),
    ...serviceDigests(entry), scenarioDigest: sha256(`scenario ${scenario}`),
  };
  const records: JournalRecordT[] = [
    {
      type: "drill-started", version: d.version ?? 2, drillId, ...(d.version === 1 ? {} : { identity }),
      scenario: { name: scenario, file: `scenarios/${stack}/${scenario}.ts`, description: "", service, hazard: d.hazard ?? "node-loss" },
      plan: { project, stack, target: stack, origin: "test" },
      service: entry, objectivesMs: objectives,
      windowsMs: { steady: 3_000, baseline: 5_000, stableFor: 3_000, observeTimeout: 90_000, after: 2_000 },
      probes: [{ name: "p", kind: "http", target: "http://127.0.0.1:1/", rateHz: 20, timeoutMs: 1_000, latencyBoundMs: 1_000 }],
      ledgers: ledger ? [{ name: "orders", kind: "postgres", target: "postgres://127.0.0.1:1/x", rateHz: 20, timeoutMs: 1_000 }] : [],
      faults: [{ kind: "process.kill", target: { role: "primary" }, params: {} }],
      startedAt, clockOriginWallMs: Date.parse(startedAt),
      tool: { name: "continuity-drill", version: "0.1.0" },
      host: { hostname: "test", platform: "linux x64", node: "v20", user: "test" },
      ...(d.repeat ? { repeat: d.repeat } : {}),
    },
    { type: "phase", t: 0, phase: "preflight", status: "started" },
  ];
  if (d.summary !== false) records.push({ type: "phase", t: 20_000, phase: "judge", status: "ended" }, summaryOf(d, service, objectives, ledger));
  return records.map((r) => JournalRecord.parse(r));
}

function summaryOf(d: GateDrill, service: string, objectives: { rto?: number; rpo?: number }, ledger: boolean): SummaryT {
  const rto = d.measuredRtoMs ?? 5_000;
  const loss = typeof d.dataLossMs === "number" ? d.dataLossMs : undefined;
  const verdicts: VerdictT[] = [
    verdict("rto", objectives.rto, typeof rto === "number" ? rto : rto === "no-disruption" ? 0 : undefined, rto === "not-recovered"),
    ...(ledger ? [verdict("rpo", objectives.rpo, loss, false)] : objectives.rpo !== undefined ? [unledgered(objectives.rpo, d.rpoWaived)] : []),
  ];
  const lostAfter = d.lostAfterFault ?? 0;
  const outcome = d.outcome ?? (verdicts.some((v) => v.status === "missed") || lostAfter > 0 ? "failed" : verdicts.some((v) => v.status === "not-measured") ? "inconclusive" : "passed");
  return {
    type: "summary", outcome, t0: 10_000, faultConfirmed: d.faultConfirmed ?? true,
    service: { name: service, ...(typeof rto === "number" ? { rtoMs: rto } : {}), recovered: rto !== "not-recovered", noDisruption: rto === "no-disruption", resolutionMs: 50 },
    probes: [],
    ledgers: ledger ? [{
      ledger: "orders", written: 400, acknowledged: 390, unacknowledged: 10, lost: lostAfter, lostSeqs: [], lostAfterFault: lostAfter, lostAfterFaultSeqs: [],
      unacknowledgedPresent: 0, corrupted: 0, dataLossWindowMs: loss ?? 0, readBack: d.dataLossMs !== "no-readback",
    }] : [],
    verdicts, durationMs: 20_000, endedAt: "2025-03-14T10:00:00.000Z",
  };
}

function verdict(objective: "rto" | "rpo", target: number | undefined, measured: number | undefined, missed: boolean): VerdictT {
  if (target === undefined) return { objective, status: "not-measured", unit: "ms", note: "no objective" };
  if (measured === undefined) return { objective, status: missed ? "missed" : "not-measured", target, unit: "ms" };
  return { objective, status: measured <= target ? "met" : "missed", target, measured, unit: "ms", margin: target - measured };
}

function unledgered(target: number, waived: false | string | undefined): VerdictT {
  if (waived === false) return { objective: "rpo", status: "not-measured", target, unit: "ms", note: "no ledger ran: no data-loss evidence" };
  return { objective: "rpo", status: "waived", target, unit: "ms", note: waived ?? "no ledger in this fixture" };
}

export function gateJournal(d: GateDrill, file = "memory.jsonl"): Journal {
  const records = gateRecords(d);
  const started = records[0] as Journal["started"];
  const summary = records.findLast((r): r is SummaryT => r.type === "summary");
  return { file, started, records, ...(summary ? { summary } : {}) };
}

/** Writes each drill as <dir>/journals/<stack>/<scenario>/<drillId>.jsonl, as a run would; returns the files. */
export function writeGateJournals(dir: string, drills: GateDrill[]): string[] {
  return drills.map((d) => {
    const records = gateRecords(d);
    const started = records[0] as Journal["started"];
    const folder = join(dir, "journals", started.plan.stack, started.scenario.name);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${started.drillId}.jsonl`);
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    return file;
  });
}
