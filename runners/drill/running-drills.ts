// Drills in progress, one small file each in <state>/drills/: the journal being
// written and the runner writing it. A runner killed before it injected anything
// leaves no fault behind, but still a journal without a verdict; `drill recover`
// finds it here and marks it interrupted.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readStateFile, writeStateFile } from "../../core/state-file.ts";
import { runnerAlive, thisRunner, type ActiveFault } from "../faults/fault-journal.ts";

interface RunningDrill {
  drillId: string;
  journal: string;
  runner: ActiveFault["runner"];
}

const RunningDrillSchema: z.ZodType<RunningDrill> = z.object({
  drillId: z.string(),
  journal: z.string(),
  runner: z.object({ pid: z.number().int(), startTime: z.number() }),
});

const dir = (stateDir: string) => join(stateDir, "drills");

export function registerDrill(stateDir: string, drillId: string, journal: string): () => void {
  const file = join(dir(stateDir), `${drillId}.json`);
  writeStateFile(file, { drillId, journal, runner: thisRunner() } satisfies RunningDrill);
  return () => rmSync(file, { force: true });
}

/** Drills whose runner is gone; their records are removed as they are returned. */
export function takeOrphanedDrills(stateDir: string): RunningDrill[] {
  let names: string[];
  try {
    names = readdirSync(dir(stateDir)).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  const out: RunningDrill[] = [];
  for (const name of names) {
    const file = join(dir(stateDir), name);
    try {
      const d = readStateFile(file, RunningDrillSchema);
      if (!d) continue; // removed meanwhile by its own runner
      if (runnerAlive(d.runner)) continue;
      out.push(d);
    } catch {
      // torn or foreign record: nothing to mark
    }
    rmSync(file, { force: true });
  }
  return out;
}
