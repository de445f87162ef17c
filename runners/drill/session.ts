// A run of several drills (scenarios × repeats) against one stack: refuses to
// start while faults of an earlier run are left over, makes sure the stack is
// ready, then runs each drill with its own journal. Stops early when interrupted.
import { join } from "node:path";
import type { PlanT } from "../../stacks/lib/index.ts";
import type { SummaryT } from "../../journal/format.ts";
import { monotonicClock } from "../../core/clock.ts";
import { environmentError } from "../../core/errors.ts";
import { leftoverFaults } from "../faults/fault-journal.ts";
import { JournalWriter } from "../../journal/writer.ts";
import { EventBus, type Subscriber } from "./bus.ts";
import type { PreparedDrill } from "./prepare.ts";
import { runDrill, type GamedayOptions } from "./run-drill.ts";
import { blocksPlan } from "./recover-scope.ts";
import { howToClear } from "./clear-advice.ts";
import { stateRoot } from "../env/paths.ts";
import { registerDrill } from "./running-drills.ts";
import { newRunId, sourceOf, type RunIdentity } from "./run-identity.ts";
import type { StackAdapter } from "./stack-adapter.ts";

export interface SessionOptions {
  drills: PreparedDrill[];
  plan: PlanT;
  stack: StackAdapter;
  stateDir: string;
  outDir: string;
  repeat: number;
  signal: AbortSignal;
  hardSignal?: AbortSignal;
  tool: { name: string; version: string };
  /** Live subscribers (progress display); the journal writer is added per drill. */
  subscribers?: Subscriber[];
  onProgress?: (message: string) => void;
  gameday?: GamedayOptions;
  /** Who takes part in every drill of the run (the exercise record). */ participants?: { name: string; role?: string }[];
  /** Where the program lives, for its git commit in each journal's identity. */
  programDir?: string;
  /** `--allow-degraded`: inject even when preflight finds the system below full redundancy (recorded in the journal). */
  allowDegraded?: boolean;
}

export interface DrillResult {
  drill: PreparedDrill;
  journal: string;
  summary: SummaryT;
  repeat: { index: number; of: number };
}

export const stamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

export async function runSession(o: SessionOptions): Promise<DrillResult[]> {
  // Only leftovers on this plan's system block it; `drill recover` heals exactly what is recorded.
  const left = leftoverFaults(o.stateDir).filter((f) => blocksPlan(f, o.plan));
  if (left.length > 0) {
    throw environmentError(`faults from an interrupted run on ${o.plan.project}/${o.plan.stack} (${o.plan.target}) are still recorded (${left.map((f) => f.description).join("; ")}), so no drill starts on it.\n${howToClear(left, o.stateDir, { defaultStateDir: stateRoot() })}`);
  }
  if (o.stack.ensureReady) await o.stack.ensureReady(o.onProgress ?? (() => {}));
  const results: DrillResult[] = [];
  const source = sourceOf(o.programDir);
  const run: RunIdentity = { runId: newRunId(), ...(source ? { source } : {}) };
  for (const drill of o.drills) {
    for (let index = 1; index <= o.repeat && !o.signal.aborted; index++) {
      // Unique across runs, not only within one: two runs in the same second must not share a drill id.
      const drillId = `${stamp()}-${drill.name}${o.repeat > 1 ? `-r${index}` : ""}-${run.runId.slice(-8)}`;
      const journal = join(o.outDir, "journals", drill.plan.stack, drill.name, `${drillId}.jsonl`);
      const writer = new JournalWriter(journal);
      const unregister = registerDrill(o.stateDir, drillId, journal);
      const bus = new EventBus();
      bus.on((e) => writer.write(e), "journal writer");
      for (const s of o.subscribers ?? []) bus.on(s, "progress display");
      try {
        const repeat = { index, of: o.repeat };
        const summary = await runDrill({
          drill, drillId, stack: o.stack, bus, clock: monotonicClock(), stateDir: o.stateDir, signal: o.signal, hardSignal: o.hardSignal,
          tool: o.tool, journalFile: journal, run, ...(o.repeat > 1 ? { repeat } : {}), ...(o.gameday ? { gameday: o.gameday } : {}),
          ...(o.allowDegraded ? { allowDegraded: true } : {}), ...(o.participants ? { participants: o.participants } : {}),
        });
        results.push({ drill, journal, summary, repeat });
      } finally {
        // A journal that cannot be closed whole (disk full) ends the run with that error; the drill is still unregistered.
        try {
          writer.close();
        } finally {
          unregister();
        }
      }
    }
    if (o.signal.aborted) break;
  }
  return results;
}
