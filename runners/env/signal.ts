// Stopping what we started, and only that. Every signal is preceded by a fresh
// check of the PID against its record (PIDs are reused); a paused process is
// resumed first, since a stopped process cannot act on SIGTERM; TERM escalates
// to KILL after a bound. The OS is a parameter (default: /proc, process.kill and
// real time), so unit tests drive it with an in-memory process table.
import { setTimeout as sleep } from "node:timers/promises";
import type { ProcessControl } from "../faults/os.ts";
import { allPids, isGone, readProc } from "./procfs.ts";
import { matches, type ProcRecord } from "./records.ts";

export type Signal = "SIGCONT" | "SIGTERM" | "SIGKILL" | "SIGSTOP";

/** Processes and time, as signalling needs them. */
export interface SignalOs {
  processes: ProcessControl;
  /** Monotonic ms. */
  now(): number;
  sleep(ms: number): Promise<unknown>;
}

export const realSignalOs: SignalOs = {
  processes: { read: readProc, list: allPids, kill: (pid, signal) => void process.kill(pid, signal) },
  now: () => performance.now(),
  sleep: (ms) => sleep(ms),
};

const verified = (record: ProcRecord, os: SignalOs) => {
  const info = os.processes.read(record.pid);
  return matches(record, info) ? info : undefined;
};

/** Signal the record's whole process group, if its leader is still the process we started. */
export function signalGroup(record: ProcRecord, signal: Signal, os: SignalOs = realSignalOs): boolean {
  if (!verified(record, os)) return false;
  try {
    os.processes.kill(-record.pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/** Signal one PID (not its group), re-checking just before that it is still ours. */
export function signalPid(pid: number, stillOurs: () => boolean, signal: Signal, os: SignalOs = realSignalOs): boolean {
  if (isGone(os.processes.read(pid)) || !stillOurs()) return false;
  try {
    os.processes.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(alive: () => boolean, boundMs: number, os: SignalOs): Promise<boolean> {
  const deadline = os.now() + boundMs;
  while (os.now() < deadline) {
    if (!alive()) return true;
    await os.sleep(50);
  }
  return !alive();
}

/** CONT → TERM → (after boundMs) KILL, for the process group of a recorded process. */
export async function stopRecorded(record: ProcRecord, boundMs = 10_000, os: SignalOs = realSignalOs): Promise<"stopped" | "killed" | "absent"> {
  if (!verified(record, os)) return "absent";
  signalGroup(record, "SIGCONT", os);
  signalGroup(record, "SIGTERM", os);
  if (await waitGone(() => verified(record, os) !== undefined, boundMs, os)) return "stopped";
  signalGroup(record, "SIGKILL", os);
  await waitGone(() => verified(record, os) !== undefined, 2_000, os);
  return "killed";
}

/** Same escalation for one stray PID, re-checked before every signal. */
export async function stopStray(pid: number, stillOurs: () => boolean, boundMs = 5_000, os: SignalOs = realSignalOs): Promise<void> {
  if (!signalPid(pid, stillOurs, "SIGCONT", os)) return;
  signalPid(pid, stillOurs, "SIGTERM", os);
  const alive = () => !isGone(os.processes.read(pid));
  if (await waitGone(alive, boundMs, os)) return;
  signalPid(pid, stillOurs, "SIGKILL", os);
  await waitGone(alive, 2_000, os);
}
