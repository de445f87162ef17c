// One drill, steady state → method → rollback (chaostoolkit's shape):
//   preflight ─▶ baseline ─▶ inject ─▶ observe ─▶ heal ─▶ restore ─▶ verify ─▶ judge
// Heal runs in `finally`: on success, on error, on timeout and on Ctrl-C, and
// it runs before anything waits on clients. The clients keep watching through
// heal and restore. A missed objective is a verdict in the journal, not an
// exception; a heal that failed is never a pass. Engine code never prints:
// everything is an event, and the journal is one subscriber.
import type { SummaryT } from "../../journal/format.ts";
import type { Clock } from "../../core/clock.ts";
import { measureService, type InjectWindow } from "../measure/index.ts";
import type { EventBus } from "./bus.ts";
import { FaultRunner } from "./fault-runner.ts";
import type { PreparedDrill } from "./prepare.ts";
import type { StackAdapter } from "./stack-adapter.ts";
import { Workload } from "./workload.ts";
import { startedRecord } from "./started-record.ts";
import type { RunIdentity } from "./run-identity.ts";
import { sleep } from "../../core/sleep.ts";
import type { Prompter, StepOutcome } from "../gameday/step-runner.ts";
import { unpublish } from "../gameday/acks.ts";
import { Interrupted, type DrillContext } from "./phases/context.ts";
import { preflight } from "./phases/preflight.ts";
import { method } from "./phases/method.ts";
import { heal, restore, watchAfter, type HealResult, type RestoreResult } from "./phases/heal.ts";
import { verifyLedgers, type LedgerLoss } from "./phases/verify.ts";
import { summarise, type Abort } from "./summary.ts";

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
  /** Drill a system that is not at full redundancy (recorded in the journal). */
  allowDegraded?: boolean;
  gameday?: GamedayOptions;
  /** Who took part (`--participant`), for the exercise record; default: the OS user. */ participants?: { name: string; role?: string }[];
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

export async function runDrill(o: DrillOptions): Promise<SummaryT> {
  const { drill, bus, clock } = o;
  const started = clock.now();
  const workload = new Workload(drill.probeSpecs, drill.ledgerSpecs, bus, clock, drill.loadSpec);
  bus.emit(startedRecord(o, workload));
  const c: DrillContext = {
    o, workload,
    faults: new FaultRunner(drill, o.drillId, o.stack, bus, { clock, signal: o.signal, stateDir: o.stateDir, note: (l, m) => c.note(l, m) }, o.journalFile),
    phase: (p, status, detail) => bus.emit({ type: "phase", t: clock.now(), phase: p, status, ...(detail ? { detail } : {}) }),
    note: (level, message) => bus.emit({ type: "note", t: clock.now(), level, message }),
  };
  const steps: StepOutcome[] = [];
  const stepOptions = {
    drillId: o.drillId, stateDir: o.stateDir, clock, signal: o.signal, all: drill.steps,
    emit: (r: Parameters<EventBus["emit"]>[0]) => bus.emit(r), autoAckMs: o.gameday?.autoAckMs, prompt: o.gameday?.prompt,
  };
  let window: InjectWindow | undefined;
  let failure: { outcome: "not-started" | "error"; reason: string } | undefined;
  let healed: HealResult;
  try {
    workload.startProbes();
    const refused = await preflight(c);
    if (refused) failure = { outcome: "not-started", reason: refused };
    else await method(c, steps, stepOptions, (w) => (window = w));
  } catch (error) {
    if (!(error instanceof Interrupted) && !o.signal.aborted) {
      failure = { outcome: "error", reason: (error as Error).message };
      c.note("error", (error as Error).message);
    }
  } finally {
    healed = await heal(c, window !== undefined);
  }
  let restored: RestoreResult = {};
  if (window) {
    restored = await restore(c, healed.healStartedAt);
    await watchAfter(c);
  }
  await workload.stop();
  return judgeDrill(c, { window, failure: abortOf(o, failure, healed), healed, restored, steps, started });
}

/** What ended the drill early, stated after the heal ran — so it says what the heal really did. */
function abortOf(o: DrillOptions, failure: { outcome: "not-started" | "error"; reason: string } | undefined, healed: HealResult): Abort | undefined {
  const healLine = healed.healed ? "faults healed" : `heal FAILED (${healed.detail}); the fault is left for \`drill recover\``;
  if (o.signal.aborted) return { outcome: "interrupted", reason: `interrupted by a signal; ${healLine}` };
  if (!healed.healed) return { outcome: "error", reason: `${failure ? `${failure.reason}; ` : ""}${healLine}` };
  return failure;
}

interface Ending {
  window?: InjectWindow;
  failure?: Abort;
  healed: HealResult;
  restored: RestoreResult;
  steps: StepOutcome[];
  started: number;
}

async function judgeDrill(c: DrillContext, e: Ending): Promise<SummaryT> {
  const { o, workload, faults } = c;
  const { drill, clock, bus } = o;
  const service = e.window ? measureService(drill.service.name, workload.measuring.map((s) => s.result()), e.window) : undefined;
  // After Ctrl-C the user wants out: the read-back may wait for the cluster to settle.
  const dataLoss: LedgerLoss[] = service && e.failure?.outcome !== "interrupted" ? await verifyLedgers(c, service.onset.t0) : [];
  c.phase("judge", "started");
  unpublish(o.stateDir, o.drillId);
  const lr = workload.loadResult;
  if (lr) c.note(lr.thresholdsFailed ? "warn" : "info", `load (${lr.which}): ${lr.requests} requests${lr.shed ? `, ${lr.shed} shed` : ""}${lr.exitCode !== undefined ? `, exit ${lr.exitCode}` : ""}${lr.thresholdsFailed ? ", k6 thresholds failed" : ""}${lr.detail ? ` — ${lr.detail}` : ""}`);
  const lessons = o.gameday?.lessons && !o.signal.aborted ? await o.gameday.lessons() : [];
  const reached = new Set(e.steps.map((st) => st.step));
  const steps = [...e.steps, ...drill.steps.filter((st) => !reached.has(st.id)).map((st) => ({ step: st.id, outcome: "not-reached" as const, targetMs: st.targetMs }))];
  const summary = summarise({
    drill, ...(service && e.window ? { service, window: e.window } : {}), overall: workload.overall, dataLoss,
    // A game day's operator is the fault: their acknowledged steps are its confirmation.
    faultConfirmed: faults.active.length > 0 ? faults.active.every((a) => a.confirmed === true) : e.steps.some((st) => st.outcome === "acknowledged"),
    abort: e.failure, restored: e.restored, durationMs: clock.now() - e.started, steps, lessons,
  });
  c.phase("judge", "ended", summary.outcome);
  bus.emit(summary);
  // Closing clients must never hold up the next drill: a pool stuck on a demoted node gets 5 s.
  const closed = await Promise.race([workload.close().then(() => true), sleep(5_000).then(() => false)]);
  if (!closed) c.note("warn", "workload clients did not close within 5 s; left to the process exit");
  return summary;
}
