// What every phase of a drill shares: the options, the clients, the faults, and
// two ways to speak — a phase record and a note — both events on the bus, so
// engine code never prints.
import { DrillError } from "../../../core/errors.ts";
import { sleep } from "../../../core/sleep.ts";
import type { PhaseT } from "../../../journal/format.ts";
import type { FaultRunner } from "../fault-runner.ts";
import type { DrillOptions } from "../run-drill.ts";
import type { Workload } from "../workload.ts";

export interface DrillContext {
  o: DrillOptions;
  workload: Workload;
  faults: FaultRunner;
  phase(p: PhaseT["phase"], status: PhaseT["status"], detail?: string): void;
  note(level: "info" | "warn" | "error", message: string): void;
  /** How phases wait (windows, polls); default core/sleep. Unit tests pass one that advances a manual `o.clock`. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Wait `ms` on the drill's time (ends early on `signal`). */
export function wait(c: Pick<DrillContext, "sleep">, ms: number, signal?: AbortSignal): Promise<void> {
  return (c.sleep ?? sleep)(ms, signal);
}

/** Thrown when a signal arrived: the drill heals and ends as interrupted. A DrillError of kind "interrupted". */
export class Interrupted extends DrillError {
  constructor(message = "interrupted") {
    super("interrupted", message);
  }
}

/** Throws Interrupted once the drill's signal was aborted (Ctrl-C, SIGTERM); between steps of a phase. */
export function guard(c: DrillContext): void {
  if (c.o.signal.aborted) throw new Interrupted();
}
