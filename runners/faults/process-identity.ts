// A process a fault signals, pinned by PID, start time and command line: PIDs
// are reused, so a recorded PID alone must never be signalled.
import { isGone, readProc } from "../env/procfs.ts";
import { RunError } from "../../core/errors.ts";
import { descendantsOf, processTree } from "./process-tree.ts";
import type { FaultContext } from "./fault.ts";

/** One process by identity: its PID with the start time and cmdline it had when pinned. */
export interface PinnedRoot {
  pid: number;
  startTime: number;
  cmdline: string;
}

export interface PinnedProcess {
  [key: string]: unknown;
  node: string;
  pid: number;
  pgid: number;
  startTime: number;
  cmdline: string;
  /** Signal the whole process group (a pg_autoctl node and its postgres), not just the leader. */
  group: boolean;
  /**
   * A self-managed node: every root (Patroni, its double-forked postmaster …)
   * with its descendants is the node; the process group is not used.
   */
  roots?: PinnedRoot[];
}

export async function pinNode(node: string, group: boolean, ctx: FaultContext): Promise<PinnedProcess> {
  if (!ctx.nodes) throw new RunError(`node "${node}": this stack has no local processes to signal`);
  const found = await ctx.nodes.process(node);
  const proc = found && readProc(found.pid);
  if (!found || !proc || isGone(proc)) throw new RunError(`node "${node}" has no running process to fault`);
  const pinned: PinnedProcess = { node, pid: proc.pid, pgid: found.pgid ?? proc.pgid, startTime: proc.startTime, cmdline: proc.cmdline, group };
  if (found.roots) {
    pinned.roots = found.roots.map(readProc).filter((p) => !isGone(p)).map((p) => ({ pid: p!.pid, startTime: p!.startTime, cmdline: p!.cmdline }));
  }
  return pinned;
}

function same(p: PinnedRoot): boolean {
  const now = readProc(p.pid);
  return now !== undefined && !isGone(now) && now.startTime === p.startTime && now.cmdline === p.cmdline;
}

/** True while the pinned process (any root of a self-managed node) is still the very process that was recorded. */
export function stillSame(p: PinnedProcess): boolean {
  return p.roots ? p.roots.some(same) : same(p);
}

/** Every PID the fault acts on now: the live roots' trees, else the group's tree, else the process. */
export function nodePids(p: PinnedProcess): number[] {
  if (p.roots) return descendantsOf(p.roots.filter(same).map((r) => r.pid));
  if (!same(p)) return [];
  // The tree is read after the leader was verified, so it is the leader's group now.
  return p.group ? processTree(p.pgid) : [p.pid];
}

/** Signal the pinned process — with `group` or `roots`, every process of the node — if it is still the same one. */
export function signalPinned(p: PinnedProcess, signal: NodeJS.Signals): boolean {
  let sent = false;
  for (const pid of nodePids(p)) {
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
