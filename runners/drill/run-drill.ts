// One drill, steady state → method → rollback (chaostoolkit's shape):
//   preflight ─▶ baseline ─▶ inject ─▶ observe ─▶ heal ─▶ restore ─▶ verify ─▶ judge
// Heal runs in `finally`: on success, on error, on timeout and on Ctrl-C. A
// missed objective is a verdict in the journal, not an exception. Engine code
// never prints: everything is an event, and the journal is one subscriber.
import type { PhaseT, SummaryT } from "../../reports/journal/format.ts";
import type { Clock } from "../clock.ts";
import { measureDataLoss, type DataLoss } from "../measure/index.ts";
import type { EventBus } from "./bus.ts";
import { FaultRunner, type ActiveInjection } from "./fault-runner.ts";
import type { PreparedDrill } from "./prepare.ts";
import type { StackAdapter } from "./stack-adapter.ts";
import { Workload } from "./workload.ts";
import { observe, steady } from "./observe.ts";
import { startedRecord } from "./started-record.ts";
import type { RunIdentity } from "./run-identity.ts";
import { sleep } from "../sleep.ts";
import { runSteps, type Prompter, type StepOutcome } from "../gameday/step-runner.ts";
import { unpublish } from "../gameday/acks.ts";

export interface DrillOptions {
  drill: PreparedDrill;
  drillId: string;
  stack: StackAdapter;
  bus: EventBus;
  clock: Clock;
  stateDir: string;
  /** Aborted on the first Ctrl-C: stop observing, heal, write the journal. */
  signal: AbortSignal;
  /** Aborted on a second Ctrl-C: skip restoring redundancy too. */
  hardSignal?: AbortSignal;
  tool: { name: string; version: string };
  repeat?: { index: number; of: number };
  /** How long preflight waits for a steady state beyond the steady window itself. */
  preflightGraceMs?: number;
  gameday?: GamedayOptions;
  /** Where the journal is written, recorded with each fault for `drill recover`. */
  journalFile?: string;
  /** The run this drill belongs to (run id, program commit), stamped on its first record. */
  run?: RunIdentity;
}

export interface GamedayOptions {
  participants: { name: string; role?: string }[];
  /** Rehearsal: acknowledge each step after this long (running its rehearse command). */
  autoAckMs?: number;
  prompt?: Prompter;
  /** Asked at the end of the drill for lessons learned. */
  lessons?: () => Promise<string[]>;
}

class Interrupted extends Error {}

export async function runDrill(o: DrillOptions): Promise<SummaryT> {
  const { drill, bus, clock } = o;
  const phase = (p: PhaseT["phase"], status: PhaseT["status"], detail?: string) => bus.emit({ type: "phase", t: clock.now(), phase: p, status, ...(detail ? { detail } : {}) });
  const note = (level: "info" | "warn" | "error", message: string) => bus.emit({ type: "note", t: clock.now(), level, message });
  const started = clock.now();
  const workload = new Workload(drill.probeSpecs, drill.ledgerSpecs, bus, clock, drill.loadSpec);
  bus.emit(startedRecord(o, workload));
  const faults = new FaultRunner(drill, o.drillId, o.stack, bus, { clock, signal: o.signal, stateDir: o.stateDir, note: (l, m) => note(l, m) }, o.journalFile);
  let t0: number | undefined;
  let abort: { outcome: "not-started" | "interrupted" | "error"; reason: string } | undefined;
  const checks: Promise<void>[] = [];
  const dataLoss: { ledger: string; loss?: DataLoss; written: number }[] = [];
  const stepOutcomes: StepOutcome[] = [];
  const stepOptions = {
    drillId: o.drillId, stateDir: o.stateDir, clock, signal: o.signal, all: drill.steps,
    emit: (r: Parameters<EventBus["emit"]>[0]) => bus.emit(r), autoAckMs: o.gameday?.autoAckMs, prompt: o.gameday?.prompt,
  };
  const guard = () => {
    if (o.signal.aborted) throw new Interrupted("interrupted");
  };
  try {
    workload.startProbes();
    phase("preflight", "started");
    if (await steady(workload, drill.windowsMs.steady, o.preflightGraceMs ?? 30_000, o.signal)) {
      phase("preflight", "ended");
      t0 = await method();
    } else {
      guard();
      const reason = `no steady state: probes were not all healthy for ${drill.windowsMs.steady} ms within the preflight bound`;
      phase("preflight", "failed", reason);
      abort = { outcome: "not-started", reason };
    }
  } catch (error) {
    if (error instanceof Interrupted || o.signal.aborted) abort = { outcome: "interrupted", reason: "interrupted by a signal; faults healed" };
    else {
      abort = { outcome: "error", reason: (error as Error).message };
      note("error", `${(error as Error).message}`);
    }
  } finally {
    await workload.stop();
    phase("heal", "started");
    const healed = await faults.healAll();
    phase("heal", healed ? "ended" : "failed", healed ? undefined : "a fault could not be healed: run `drill recover`");
  }
  await Promise.all(checks);
  return finish();

  /** Baseline, inject, observe; returns t0. */
  async function method(): Promise<number> {
    phase("baseline", "started");
    workload.markBaseline();
    await workload.startLedgers();
    await sleep(drill.windowsMs.baseline, o.signal);
    guard();
    phase("baseline", "ended");
    stepOutcomes.push(...(await runSteps(drill.steps.filter((st) => st.at === "before-inject"), stepOptions)));
    guard();
    phase("inject", "started");
    const injected: ActiveInjection[] = [];
    for (const f of drill.faults) {
      guard();
      const a = await faults.inject(f);
      injected.push(a);
      t0 ??= a.injectedAt;
      checks.push(faults.check(a));
    }
    // A game day without a fault: the disruption is the operator's to cause, so
    // the clock starts when their first step is shown — RTO includes the people.
    t0 ??= clock.now();
    workload.startMeasuring(t0, drill.windowsMs.stableFor);
    phase("inject", "ended", drill.faults.length ? undefined : "no fault: t0 is when the first manual step is shown");
    phase("observe", "started");
    const manual = drill.steps.filter((st) => st.at === "after-inject");
    const steps = { done: manual.length === 0, endedAt: clock.now() };
    const stepsRun = runSteps(manual, { ...stepOptions, ...(drill.faults.length ? {} : { firstShownAt: t0 }) }).then((r) => {
      stepOutcomes.push(...r);
      Object.assign(steps, { done: true, endedAt: clock.now() });
    });
    const outcome = await observe(o, workload, faults, injected, t0, steps);
    await stepsRun;
    phase("observe", "ended", outcome);
    guard();
    return t0!;
  }

  async function finish(): Promise<SummaryT> {
    if (t0 !== undefined) await restore();
    // After Ctrl-C the user wants out: the read-back may wait for the cluster to settle.
    if (t0 !== undefined && abort?.outcome !== "interrupted") await verifyLedgers();
    phase("judge", "started");
    unpublish(o.stateDir, o.drillId);
    const lr = workload.loadResult;
    if (lr) note(lr.thresholdsFailed ? "warn" : "info", `load (${lr.which}): ${lr.requests} requests${lr.shed ? `, ${lr.shed} shed` : ""}${lr.exitCode !== undefined ? `, exit ${lr.exitCode}` : ""}${lr.thresholdsFailed ? ", k6 thresholds failed" : ""}${lr.detail ? ` — ${lr.detail}` : ""}`);
    const lessons = o.gameday?.lessons && !o.signal.aborted ? await o.gameday.lessons() : [];
    const reached = new Set(stepOutcomes.map((st) => st.step));
    const steps = [...stepOutcomes, ...drill.steps.filter((st) => !reached.has(st.id)).map((st) => ({ step: st.id, outcome: "not-reached" as const, targetMs: st.targetMs }))];
    const summary = (await import("./summary.ts")).summarise({
      drill, t0, probes: workload.measuring.map((s) => s.result()), overall: workload.overall, dataLoss,
      // A game day's operator is the fault: their acknowledged steps are its confirmation.
      faultConfirmed: faults.active.length > 0 ? faults.active.every((a) => a.confirmed === true) : stepOutcomes.some((st) => st.outcome === "acknowledged"),
      abort, durationMs: clock.now() - started, steps, lessons,
    });
    phase("judge", "ended", summary.outcome);
    bus.emit(summary);
    // Closing clients must never hold up the next drill: a pool stuck on a demoted node gets 5 s.
    const closed = await Promise.race([workload.close().then(() => true), sleep(5_000).then(() => false)]);
    if (!closed) note("warn", "workload clients did not close within 5 s; left to the process exit");
    return summary;
  }

  async function restore(): Promise<void> {
    if (!drill.scenario.restoreRedundancy || !o.stack.restore || o.hardSignal?.aborted) {
      phase("restore", "skipped", o.stack.restore ? "skipped" : "the stack has nothing to restore");
      return;
    }
    phase("restore", "started");
    try {
      phase("restore", "ended", await o.stack.restore((m) => note("info", m)));
    } catch (error) {
      phase("restore", "failed", (error as Error).message);
    }
  }

  async function verifyLedgers(): Promise<void> {
    if (workload.ledgers.length === 0) return;
    phase("verify", "started");
    for (const l of workload.ledgers) {
      const writes = workload.writes.get(l.info.name) ?? [];
      try {
        const rb = await l.readBack(clock);
        bus.emit({ type: "readback", ledger: l.info.name, t: rb.t, present: rb.present.length, corrupted: rb.corrupted, source: rb.source });
        dataLoss.push({ ledger: l.info.name, loss: measureDataLoss(writes, rb, t0!), written: writes.length });
      } catch (error) {
        note("error", `ledger ${l.info.name}: read-back failed: ${(error as Error).message}`);
        dataLoss.push({ ledger: l.info.name, written: writes.length });
      }
    }
    phase("verify", "ended");
  }
}
