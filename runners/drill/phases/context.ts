// What every phase of a drill shares: the options, the clients, the faults, and
// two ways to speak — a phase record and a note — both events on the bus, so
// engine code never prints.
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
}

/** Thrown when a signal arrived: the drill heals and ends as interrupted. */
export class Interrupted extends Error {}

export function guard(c: DrillContext): void {
  if (c.o.signal.aborted) throw new Interrupted("interrupted");
}
