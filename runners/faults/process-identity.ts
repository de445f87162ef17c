// A process a fault signals, pinned by PID, start time and command line: PIDs
// are reused, so a recorded PID alone must never be signalled.
import { isGone, readProc } from "../env/procfs.ts";
import { RunError } from "../errors.ts";
import { processTree } from "./process-tree.ts";
import type { FaultContext } from "./fault.ts";

export interface PinnedProcess {
  [key: string]: unknown;
  node: string;
  pid: number;
  pgid: number;
  startTime: number;
  cmdline: string;
  /** Signal the whole process group (a pg_autoctl node and its postgres), not just the leader. */
  group: boolean;
}

export async function pinNode(node: string, group: boolean, ctx: FaultContext): Promise<PinnedProcess> {
  if (!ctx.nodes) throw new RunError(`node "${node}": this stack has no local processes to signal`);
  const found = await ctx.nodes.process(node);
  const proc = found && readProc(found.pid);
  if (!found || !proc || isGone(proc)) throw new RunError(`node "${node}" has no running process to fault`);
  return { node, pid: proc.pid, pgid: found.pgid ?? proc.pgid, startTime: proc.startTime, cmdline: proc.cmdline, group };
}

/** True while the pinned process is still the very process that was recorded. */
export function stillSame(p: PinnedProcess): boolean {
  const now = readProc(p.pid);
  return now !== undefined && !isGone(now) && now.startTime === p.startTime && now.cmdline === p.cmdline;
}

/** Signal the pinned process — with `group`, every process of its tree — if it is still the same one. */
export function signalPinned(p: PinnedProcess, signal: NodeJS.Signals): boolean {
  if (!stillSame(p)) return false;
  // The tree is read after the leader was verified, so it is the leader's group now.
  const pids = p.group ? processTree(p.pgid) : [p.pid];
  let sent = false;
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
      sent = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
  return sent;
}

export async function waitFor(predicate: () => boolean, boundMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline && !signal?.aborted) {
    if (predicate()) return true;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return predicate();
}
