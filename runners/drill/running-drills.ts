// Drills in progress, one small file each in <state>/drills/: the journal being
// written and the runner writing it. A runner killed before it injected anything
// leaves no fault behind, but still a journal without a verdict; `drill recover`
// finds it here and marks it interrupted.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runnerAlive, thisRunner, type ActiveFault } from "../faults/fault-journal.ts";

interface RunningDrill {
  drillId: string;
  journal: string;
  runner: ActiveFault["runner"];
}

const dir = (stateDir: string) => join(stateDir, "drills");

export function registerDrill(stateDir: string, drillId: string, journal: string): () => void {
  mkdirSync(dir(stateDir), { recursive: true });
  const file = join(dir(stateDir), `${drillId}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify({ drillId, journal, runner: thisRunner() } satisfies RunningDrill));
  renameSync(`${file}.tmp`, file);
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
      const d = JSON.parse(readFileSync(file, "utf8")) as RunningDrill;
      if (runnerAlive(d.runner)) continue;
      out.push(d);
    } catch {
      // torn record of a killed runner: nothing to mark
    }
    rmSync(file, { force: true });
  }
  return out;
}
