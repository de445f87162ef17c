// Runs a probe for a while, with actions at given times, and returns its samples.
import { monotonicClock, type Clock } from "../../../core/clock.ts";
import type { Probe } from "../../../runners/probes/probe.ts";
import type { Sample } from "../../../runners/probes/sample.ts";

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Run {
  samples: Sample[];
  clock: Clock;
  /** Clock time at which each step's action began. */
  marks: number[];
  /** Clock time at which each step's action had finished. */
  done: number[];
  startedAt: number;
}

/** Starts the probe, runs each step's action after waiting its delay, then stops the probe. */
export async function runProbe(probe: Probe, steps: { after: number; action?: () => unknown }[]): Promise<Run> {
  const clock = monotonicClock();
  const samples: Sample[] = [];
  const marks: number[] = [];
  const done: number[] = [];
  const startedAt = clock.now();
  probe.start(clock, (s) => samples.push(s));
  try {
    for (const step of steps) {
      await sleep(step.after);
      marks.push(clock.now());
      await step.action?.();
      done.push(clock.now());
    }
  } finally {
    await probe.stop();
  }
  return { samples, clock, marks, done, startedAt };
}

/** Samples sent in [from, to). */
export function between(samples: readonly Sample[], from: number, to: number): Sample[] {
  return samples.filter((s) => s.t >= from && s.t < to);
}
