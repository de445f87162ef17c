// The on-disk fault journal: every fault is recorded here before it is
// injected and removed only once it is healed. Whatever is left after a crash
// is what `drill recover` heals, and `drill run` refuses to start while it is
// not empty. One small file per fault, written atomically, so a runner killed
// mid-write never leaves a half record.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readStateFile, writeStateFile } from "../../core/state-file.ts";
import { inputError } from "../../core/errors.ts";
import { isGone, readProc } from "../env/procfs.ts";
import type { FaultState } from "./fault.ts";

export interface ActiveFault {
  id: string;
  drillId: string;
  kind: string;
  state: FaultState;
  description: string;
  /** Wall-clock ISO time at which it was recorded. */
  recordedAt: string;
  /** The runner that injected it, by PID and start time (PIDs are reused). */
  runner: { pid: number; startTime: number };
  /** The drill's journal, so recovery can mark it interrupted. */
  journal?: string;
}

const ActiveFaultSchema: z.ZodType<ActiveFault> = z.object({
  id: z.string(),
  drillId: z.string(),
  kind: z.string(),
  state: z.record(z.string(), z.unknown()),
  description: z.string(),
  recordedAt: z.string(),
  runner: z.object({ pid: z.number().int(), startTime: z.number() }),
  journal: z.string().optional(),
});

/** This process's identity, for `ActiveFault.runner`. */
export function thisRunner(): ActiveFault["runner"] {
  return { pid: process.pid, startTime: readProc(process.pid)?.startTime ?? 0 };
}

export const faultDir = (stateDir: string) => join(stateDir, "faults");

export function recordFault(stateDir: string, fault: ActiveFault): void {
  writeStateFile(join(faultDir(stateDir), `${fault.id}.json`), fault);
}

export function clearFault(stateDir: string, id: string): void {
  rmSync(join(faultDir(stateDir), `${id}.json`), { force: true });
}

export function activeFaults(stateDir: string): ActiveFault[] {
  let files: string[];
  try {
    files = readdirSync(faultDir(stateDir)).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    const file = join(faultDir(stateDir), f);
    try {
      const fault = readStateFile(file, ActiveFaultSchema);
      return fault ? [fault] : []; // healed and cleared meanwhile
    } catch (error) {
      throw inputError(`fault journal ${file} is unreadable (${(error as Error).message}); inspect it, heal by hand, then delete it`, { file }, error);
    }
  });
}

/** Faults whose runner is gone: left behind by a crash or a kill. */
export function leftoverFaults(stateDir: string): ActiveFault[] {
  return activeFaults(stateDir).filter((f) => !runnerAlive(f.runner));
}

/** The recorded runner is still this very process (same PID and start time: PIDs get reused). */
export function runnerAlive(runner: ActiveFault["runner"]): boolean {
  const proc = readProc(runner.pid);
  return proc !== undefined && !isGone(proc) && proc.startTime === runner.startTime;
}
