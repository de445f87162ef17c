// What we record about each process we start, and the check that a live PID is
// still that process: same start time and the recorded marker in its cmdline.
import { readProc, isGone, isStopped, type ProcInfo } from "./procfs.ts";

export interface ProcRecord {
  node: string;
  service: string;
  pid: number;
  /** We start every process in its own process group (setsid), so pgid === pid. */
  pgid: number;
  startTime: number;
  /** A string its cmdline must contain (a config file, a data directory). */
  marker: string;
  log: string;
}

export type Liveness = "running" | "paused" | "dead";

/** True when `info` is the process `record` describes (not a reused PID). */
export function matches(record: Pick<ProcRecord, "startTime" | "marker">, info: ProcInfo | undefined): info is ProcInfo {
  return !isGone(info) && info!.startTime === record.startTime && info!.cmdline.includes(record.marker);
}

/** The live process `record` names, or undefined when it is gone or its PID now belongs to another process. */
export function recordedProcess(record: ProcRecord): ProcInfo | undefined {
  const info = readProc(record.pid);
  return matches(record, info) ? info : undefined;
}

export function liveness(record: ProcRecord): Liveness {
  const info = recordedProcess(record);
  if (!info) return "dead";
  return isStopped(info) ? "paused" : "running";
}
