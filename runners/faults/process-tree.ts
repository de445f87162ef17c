// A node is more than its process group: PostgreSQL's backends call setsid(),
// so they leave the group of the pg_autoctl that started them. Signalling
// -pgid alone would pause the postmaster and leave backends answering on open
// connections. A node's processes are its group and all their descendants.
import { allPids, readProc } from "../env/procfs.ts";

export function processTree(pgid: number): number[] {
  const procs = liveProcs();
  return withDescendants(procs, procs.filter((p) => p.pgid === pgid).map((p) => p.pid));
}

/** The given roots and all their descendants (by parent PID), as they are now. */
export function descendantsOf(roots: number[]): number[] {
  return withDescendants(liveProcs(), roots);
}

type Proc = NonNullable<ReturnType<typeof readProc>>;

function liveProcs(): Proc[] {
  return allPids().map(readProc).filter((p): p is Proc => p !== undefined);
}

/** Close a set of PIDs over "is a child of". */
function withDescendants(procs: readonly Proc[], seed: readonly number[]): number[] {
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
