// Stopping what we started, and only that. Every signal is preceded by a fresh
// check of the PID against its record (PIDs are reused); a paused process is
// resumed first, since a stopped process cannot act on SIGTERM; TERM escalates
// to KILL after a bound.
import { setTimeout as sleep } from "node:timers/promises";
import { readProc, isGone } from "./procfs.ts";
import { verify, type ProcRecord } from "./records.ts";

export type Signal = "SIGCONT" | "SIGTERM" | "SIGKILL" | "SIGSTOP";

/** Signal the record's whole process group, if its leader is still the process we started. */
export function signalGroup(record: ProcRecord, signal: Signal): boolean {
  if (!verify(record)) return false;
  try {
    process.kill(-record.pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/** Signal one PID (not its group), re-checking just before that it is still ours. */
export function signalPid(pid: number, stillOurs: () => boolean, signal: Signal): boolean {
  if (isGone(readProc(pid)) || !stillOurs()) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(alive: () => boolean, boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (!alive()) return true;
    await sleep(50);
  }
  return !alive();
}

/** CONT → TERM → (after boundMs) KILL, for the process group of a recorded process. */
export async function stopRecorded(record: ProcRecord, boundMs = 10_000): Promise<"stopped" | "killed" | "absent"> {
  if (!verify(record)) return "absent";
  signalGroup(record, "SIGCONT");
  signalGroup(record, "SIGTERM");
  if (await waitGone(() => verify(record) !== undefined, boundMs)) return "stopped";
  signalGroup(record, "SIGKILL");
  await waitGone(() => verify(record) !== undefined, 2_000);
  return "killed";
}

/** Same escalation for one stray PID, re-checked before every signal. */
export async function stopStray(pid: number, stillOurs: () => boolean, boundMs = 5_000): Promise<void> {
  if (!signalPid(pid, stillOurs, "SIGCONT")) return;
  signalPid(pid, stillOurs, "SIGTERM");
  const alive = () => !isGone(readProc(pid));
  if (await waitGone(alive, boundMs)) return;
  signalPid(pid, stillOurs, "SIGKILL");
  await waitGone(alive, 2_000);
}
