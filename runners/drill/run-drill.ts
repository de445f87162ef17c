// One drill, steady state → method → rollback (chaostoolkit's shape):
//   preflight ─▶ baseline ─▶ inject ─▶ observe ─▶ heal ─▶ restore ─▶ verify ─▶ judge
// Each phase is a function in phases/ that takes what it needs and returns what
// it produced; runDrill only composes them. Heal runs in `finally`: on success,
// on error, on timeout and on Ctrl-C, and it runs before anything waits on
// clients. The clients keep watching through heal and restore. A missed
// objective is a verdict in the journal, not an exception; a heal that failed is
// never a pass; a subscriber that failed (the journal writer, disk full) ends the
// drill as error, since its journal may be truncated. Engine code never prints:
// everything is an event, and the journal is one subscriber.
import type { SummaryT } from "../../journal/format.ts";
import type { Clock } from "../../core/clock.ts";
import { messageOf } from "../../core/errors.ts";
import { sleep } from "../../core/sleep.ts";
import { measureService, type InjectWindow } from "../measure/index.ts";
import type { Prompter, StepOutcome } from "../gameday/step-runner.ts";
import { subscriberFailureReason, type EventBus } from "./bus.ts";
import { FaultRunner } from "./fault-runner.ts";
import type { PreparedDrill } from "./prepare.ts";
import type { StackAdapter } from "./stack-adapter.ts";
import { Workload } from "./workload.ts";
import { startedRecord } from "./started-record.ts";
import type { RunIdentity } from "./run-identity.ts";
import type { Abort } from "./summary.ts";
import { Interrupted, type DrillContext } from "./phases/context.ts";
import { preflight } from "./phases/preflight.ts";
import { baseline, type StepOptions } from "./phases/baseline.ts";
import { inject } from "./phases/inject.ts";
import { observe } from "./phases/observe.ts";
import { heal, restore, watchAfter, type HealResult } from "./phases/heal.ts";
import { verifyLedgers } from "./phases/verify.ts";
import { judge } from "./phases/judge.ts";

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

/** Runs one drill to its summary (also emitted as the journal's last record). Throws only for harness bugs. */
export async function runDrill(o: DrillOptions): Promise<SummaryT> {
  const c = drillContext(o);
  const started = o.clock.now();
  const steps: StepOutcome[] = [];
  let window: InjectWindow | undefined;
  let stopped: Stop | undefined;
  let healed: HealResult;
  try {
    c.workload.startProbes();
    const refused = await between(c, () => preflight(c));
    if (refused) stopped = { outcome: "not-started", reason: refused };
    else {
      steps.push(...(await between(c, () => baseline(c, stepOptions(c)))));
      const injection = await between(c, () => inject(c));
      window = injection.window;
      await between(c, () => observe(c, injection, stepOptions(c), steps));
    }
  } catch (error) {
    stopped = stopOf(c, error);
  } finally {
    healed = await heal(c, window !== undefined);
  }
  // Restore whenever a fault was injected, also when a later one failed before the window closed:
  // the first may have killed a node that only restore brings back.
  const touched = window !== undefined || c.faults.active.length > 0;
  const restored = touched ? await restore(c, healed.healStartedAt) : {};
  if (window) await watchAfter(c);
  await c.workload.stop();
  const abort = abortOf(c, stopped, healed);
  const service = window ? measureService(o.drill.service.name, c.workload.measuring.map((s) => s.result()), window) : undefined;
  // After Ctrl-C the user wants out: the read-back may wait for the cluster to settle.
  const dataLoss = service && abort?.outcome !== "interrupted" ? await verifyLedgers(c, service.onset.t0) : [];
  const summary = await judge(c, { window, service, dataLoss, abort, restored, steps, started });
  return close(c, summary);
}

type Stop = { outcome: "not-started" | "error"; reason: string };

/** The shared parts every phase gets: options, clients, faults, and the bus to speak on. */
function drillContext(o: DrillOptions): DrillContext {
  const { drill, bus, clock } = o;
  const workload = new Workload(drill.probeSpecs, drill.ledgerSpecs, bus, clock, drill.loadSpec);
  bus.emit(startedRecord(o, workload));
  const c: DrillContext = {
    o, workload,
    faults: new FaultRunner(drill, o.drillId, o.stack, bus, { clock, signal: o.signal, stateDir: o.stateDir, note: (l, m) => c.note(l, m) }, o.journalFile),
    phase: (p, status, detail) => bus.emit({ type: "phase", t: clock.now(), phase: p, status, ...(detail ? { detail } : {}) }),
    note: (level, message) => bus.emit({ type: "note", t: clock.now(), level, message }),
  };
  return c;
}

const stepOptions = ({ o }: DrillContext): StepOptions => ({
  drillId: o.drillId, stateDir: o.stateDir, clock: o.clock, signal: o.signal, all: o.drill.steps,
  emit: (r) => o.bus.emit(r), autoAckMs: o.gameday?.autoAckMs, prompt: o.gameday?.prompt,
});

/** Thrown between phases when a subscriber failed: the drill stops, heals, and ends as error. */
class SubscriberFailed extends Error {}

/** Runs a phase, then stops the drill if a subscriber failed during it (a journal that stopped being written). */
async function between<T>(c: DrillContext, phase: () => Promise<T>): Promise<T> {
  const out = await phase();
  const f = c.o.bus.failure;
  if (f) throw new SubscriberFailed(subscriberFailureReason(f));
  return out;
}

/** Why the method stopped early; undefined for an interruption (abortOf states it). */
function stopOf(c: DrillContext, error: unknown): Stop | undefined {
  if (error instanceof Interrupted || (c.o.signal.aborted && !(error instanceof SubscriberFailed))) return undefined;
  const reason = messageOf(error);
  c.note("error", reason);
  return { outcome: "error", reason };
}

/**
 * What ended the drill early, stated after the heal ran — so it says what the heal
 * really did. A subscriber failure wins over a verdict: the journal may be truncated.
 */
function abortOf(c: DrillContext, stopped: Stop | undefined, healed: HealResult): Abort | undefined {
  const { o } = c;
  const healLine = healed.healed ? "faults healed" : `heal FAILED (${healed.detail}); the fault is left for \`drill recover\``;
  if (o.signal.aborted) return { outcome: "interrupted", reason: `interrupted by a signal; ${healLine}` };
  const f = o.bus.failure;
  if (f && !stopped) return { outcome: "error", reason: `${subscriberFailureReason(f)}; ${healLine}` };
  if (!healed.healed) return { outcome: "error", reason: `${stopped ? `${stopped.reason}; ` : ""}${healLine}` };
  return stopped;
}

/** Emits the summary; a subscriber that fails on it (or before) turns the summary into an error. */
async function close(c: DrillContext, summary: SummaryT): Promise<SummaryT> {
  const { bus } = c.o;
  bus.emit(summary);
  const f = bus.failure;
  const out: SummaryT = f && summary.outcome !== "error" && summary.outcome !== "interrupted" ? { ...summary, outcome: "error", reason: subscriberFailureReason(f) } : summary;
  // Closing clients must never hold up the next drill: a pool stuck on a demoted node gets 5 s.
  const closed = await Promise.race([c.workload.close().then(() => true), sleep(5_000).then(() => false)]);
  if (!closed) c.note("warn", "workload clients did not close within 5 s; left to the process exit");
  return out;
}
