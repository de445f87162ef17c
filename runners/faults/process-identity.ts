// A process a fault signals, pinned by PID, start time and command line: PIDs
// are reused, so a recorded PID alone must never be signalled. Every function
// takes the process control to use (default: the real /proc and process.kill).
import type { Clock } from "../../core/clock.ts";
import { environmentError, faultError } from "../../core/errors.ts";
import { isGone, readProc, allPids } from "../env/procfs.ts";
import type { FaultContext } from "./fault.ts";
import type { ProcessControl, Timers } from "./os.ts";
import { osOf } from "./os-real.ts";
import { descendantsOf, processTree } from "./process-tree.ts";

const realProcs: ProcessControl = { read: readProc, list: allPids, kill: (pid, signal) => void process.kill(pid, signal) };

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

/**
 * Pin the node's process as it is now. Throws DrillError "environment" (where:
 * node, fault) when the stack has no processes of ours or the node runs none.
 */
export async function pinNode(node: string, group: boolean, ctx: FaultContext): Promise<PinnedProcess> {
  const where = { node, fault: ctx.faultId };
  if (!ctx.nodes) throw environmentError(`node "${node}": this stack has no local processes to signal`, where);
  const procs = osOf(ctx).processes;
  const found = await ctx.nodes.process(node);
  const proc = found && procs.read(found.pid);
  if (!found || !proc || isGone(proc)) throw environmentError(`node "${node}" has no running process to fault`, where);
  const pinned: PinnedProcess = { node, pid: proc.pid, pgid: found.pgid ?? proc.pgid, startTime: proc.startTime, cmdline: proc.cmdline, group };
  if (found.roots) {
    pinned.roots = found.roots.map((pid) => procs.read(pid)).filter((p) => !isGone(p)).map((p) => ({ pid: p!.pid, startTime: p!.startTime, cmdline: p!.cmdline }));
  }
  return pinned;
}

function same(p: PinnedRoot, procs: Pick<ProcessControl, "read">): boolean {
  const now = procs.read(p.pid);
  return now !== undefined && !isGone(now) && now.startTime === p.startTime && now.cmdline === p.cmdline;
}

/** True while the pinned process (any root of a self-managed node) is still the very process that was recorded. */
export function stillSame(p: PinnedProcess, procs: Pick<ProcessControl, "read"> = realProcs): boolean {
  return p.roots ? p.roots.some((r) => same(r, procs)) : same(p, procs);
}

/** Every PID the fault acts on now: the live roots' trees, else the group's tree, else the process. */
export function nodePids(p: PinnedProcess, procs: Pick<ProcessControl, "read" | "list"> = realProcs): number[] {
  if (p.roots) return descendantsOf(p.roots.filter((r) => same(r, procs)).map((r) => r.pid), procs);
  if (!same(p, procs)) return [];
  // The tree is read after the leader was verified, so it is the leader's group now.
  return p.group ? processTree(p.pgid, procs) : [p.pid];
}

/**
 * Signal the pinned process — with `group` or `roots`, every process of the
 * node — if it is still the same one. False when nothing was signalled (a
 * reused PID, or all gone). A process that exits meanwhile (ESRCH) is skipped.
 */
export function signalPinned(p: PinnedProcess, signal: NodeJS.Signals, procs: ProcessControl = realProcs): boolean {
  let sent = false;
  for (const pid of nodePids(p, procs)) {
    try {
      procs.kill(pid, signal);
      sent = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
  return sent;
}

/**
 * signalPinned for a fault kind: the context's process control, and an error
 * while signalling (EPERM …) as a DrillError "fault" naming the node and fault.
 */
export function signalNode(p: PinnedProcess, signal: NodeJS.Signals, ctx: FaultContext): boolean {
  try {
    return signalPinned(p, signal, osOf(ctx).processes);
  } catch (error) {
    throw faultError(`${signal} to node "${p.node}" (pid ${p.pid}) failed: ${(error as Error).message}`, { node: p.node, fault: ctx.faultId }, error);
  }
}

/** Poll `predicate` every 20 ms on `clock` until it holds or `boundMs` passed; the last answer. */
export async function waitFor(predicate: () => boolean, boundMs: number, o: { clock: Clock; timers: Timers; signal?: AbortSignal }): Promise<boolean> {
  const deadline = o.clock.now() + boundMs;
  while (o.clock.now() < deadline && !o.signal?.aborted) {
    if (predicate()) return true;
    await o.timers.sleep(20, o.signal);
  }
  return predicate();
}
