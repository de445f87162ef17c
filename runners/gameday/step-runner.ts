// Running a game day's manual steps: each is shown, then waits for whichever
// comes first — the operator at the terminal, `drill ack` from another shell, a
// rehearsal's automatic acknowledgement, or its time limit. Every transition is
// a journal record, so the report can put people on the same timeline as probes.
import { $ } from "zx";
import type { StepRecordT } from "../../journal/format.ts";
import type { Clock } from "../../core/clock.ts";
import { publish, takeAck, type Ack, type PublishedStep } from "./acks.ts";

export interface PlannedStep extends PublishedStep {
  at: "before-inject" | "after-inject";
  timeLimitMs: number;
  targetMs?: number;
  rehearse?: string[];
}

export interface StepOutcome {
  step: string;
  outcome: "acknowledged" | "skipped" | "timed-out" | "not-reached";
  durationMs?: number;
  targetMs?: number;
  by?: string;
  note?: string;
}

/** Asks the operator at a terminal; resolves with their answer, or never when there is no terminal. */
export type Prompter = (step: PlannedStep, index: number, of: number, signal: AbortSignal) => Promise<Omit<Ack, "at"> | undefined>;

export interface StepRunnerOptions {
  drillId: string;
  stateDir: string;
  clock: Clock;
  emit: (record: StepRecordT) => void;
  signal: AbortSignal;
  /** Rehearsal: acknowledge each step after this long, running its `rehearse` command first. */
  autoAckMs?: number;
  prompt?: Prompter;
  all: PlannedStep[];
  /** The first step's "shown" time, when the caller already fixed it (a game day's t0). */
  firstShownAt?: number;
}

const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function runSteps(steps: PlannedStep[], o: StepRunnerOptions): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (const [i, step] of steps.entries()) {
    if (o.signal.aborted) {
      outcomes.push({ step: step.id, outcome: "not-reached", targetMs: step.targetMs });
      continue;
    }
    outcomes.push(await runStep(step, o, i === 0 ? o.firstShownAt : undefined));
  }
  return outcomes;
}

async function runStep(step: PlannedStep, o: StepRunnerOptions, shownAt?: number): Promise<StepOutcome> {
  const shown = shownAt ?? o.clock.now();
  publish(o.stateDir, { drillId: o.drillId, pid: process.pid, steps: o.all.map(({ id, text, role }) => ({ id, text, role })), waiting: step.id });
  o.emit({ type: "step", t: shown, step: step.id, event: "shown" });
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  o.signal.addEventListener("abort", onAbort, { once: true });
  const index = o.all.indexOf(step);
  const answers: Promise<Omit<Ack, "at"> | "timeout" | undefined>[] = [pollAck(step, o, stop.signal), timeLimit(step, o, stop.signal)];
  if (o.autoAckMs !== undefined) answers.push(rehearse(step, o.autoAckMs, stop.signal));
  if (o.prompt) answers.push(o.prompt(step, index, o.all.length, stop.signal));
  const answer = await Promise.race(answers);
  stop.abort();
  o.signal.removeEventListener("abort", onAbort);
  const end = o.clock.now();
  const base = { step: step.id, durationMs: end - shown, targetMs: step.targetMs };
  if (answer === "timeout" || answer === undefined) {
    o.emit({ type: "step", t: end, step: step.id, event: "timed-out" });
    return { ...base, outcome: o.signal.aborted ? "not-reached" : "timed-out" };
  }
  const event = answer.skip ? "skipped" : "acknowledged";
  o.emit({ type: "step", t: end, step: step.id, event, ...(answer.by ? { by: answer.by } : {}), ...(answer.note ? { note: answer.note } : {}) });
  return { ...base, outcome: event, ...(answer.by ? { by: answer.by } : {}), ...(answer.note ? { note: answer.note } : {}) };
}

async function pollAck(step: PlannedStep, o: StepRunnerOptions, signal: AbortSignal): Promise<Omit<Ack, "at"> | undefined> {
  while (!signal.aborted) {
    const ack = takeAck(o.stateDir, o.drillId, step.id);
    if (ack) return ack;
    await wait(100);
  }
  return undefined;
}

async function timeLimit(step: PlannedStep, o: StepRunnerOptions, signal: AbortSignal): Promise<"timeout" | undefined> {
  const end = o.clock.now() + step.timeLimitMs;
  while (!signal.aborted && o.clock.now() < end) await wait(Math.min(100, end - o.clock.now()));
  return signal.aborted ? undefined : "timeout";
}

/** A rehearsal stands in for the operator: waits, runs the step's command if it has one, acknowledges. */
async function rehearse(step: PlannedStep, afterMs: number, signal: AbortSignal): Promise<Omit<Ack, "at"> | undefined> {
  await wait(afterMs);
  if (signal.aborted) return undefined;
  if (!step.rehearse) return { by: "rehearsal", note: "acknowledged automatically (no command to rehearse)" };
  const out = await $({ quiet: true, nothrow: true, timeout: step.timeLimitMs, signal })`${step.rehearse}`;
  const note = out.exitCode === 0 ? `rehearsed: ${step.rehearse.join(" ")}` : `rehearsal command failed (exit ${out.exitCode}): ${out.stderr.trim().slice(0, 300)}`;
  return { by: "rehearsal", note, skip: out.exitCode !== 0 };
}
