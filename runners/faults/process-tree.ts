// A node is more than its process group: PostgreSQL's backends call setsid(),
// so they leave the group of the pg_autoctl that started them. Signalling
// -pgid alone would pause the postmaster and leave backends answering on open
// connections. A node's processes are its group and all their descendants.
import { allPids, readProc, type ProcInfo } from "../env/procfs.ts";
import type { ProcessControl } from "./os.ts";

const realProcs: Pick<ProcessControl, "read" | "list"> = { read: readProc, list: allPids };

/** Every process of group `pgid` and all their descendants, as they are now. */
export function processTree(pgid: number, procs: Pick<ProcessControl, "read" | "list"> = realProcs): number[] {
  const live = liveProcs(procs);
  return withDescendants(live, live.filter((p) => p.pgid === pgid).map((p) => p.pid));
}

/** The given roots and all their descendants (by parent PID), as they are now. */
export function descendantsOf(roots: number[], procs: Pick<ProcessControl, "read" | "list"> = realProcs): number[] {
  return withDescendants(liveProcs(procs), roots);
}

function liveProcs(procs: Pick<ProcessControl, "read" | "list">): ProcInfo[] {
  return procs.list().map((pid) => procs.read(pid)).filter((p): p is ProcInfo => p !== undefined);
}

/** Close a set of PIDs over "is a child of". */
function withDescendants(procs: readonly ProcInfo[], seed: readonly number[]): number[] {
  const members = new Set(seed);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!members.has(p.pid) && members.has(p.ppid)) {
        members.add(p.pid);
        grew = true;
      }
    }
  }
  return [...members];
}
