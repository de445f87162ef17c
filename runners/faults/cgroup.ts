// A cgroup v2 of ours per partitioned node: iptables' `-m cgroup --path` then
// drops everything the node's processes send (its keeper's reports to the
// monitor included), which port rules alone cannot catch — outgoing connections
// use ephemeral ports. Processes are moved back and the group removed on heal.
import { existsSync, mkdirSync, readFileSync, rmdirSync, statfsSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Pure v2 hosts mount it at /sys/fs/cgroup; hybrid ones (like this machine) at .../unified.
const CANDIDATE_ROOTS = ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"];
const CGROUP2_SUPER_MAGIC = 0x63677270;

/** The cgroup v2 mount, if there is one. */
export function cgroup2Root(): string | undefined {
  return CANDIDATE_ROOTS.find((root) => {
    try {
      return statfsSync(root).type === CGROUP2_SUPER_MAGIC;
    } catch {
      return false;
    }
  });
}

export function createGroup(root: string, name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function moveInto(groupDir: string, pids: number[]): number {
  let moved = 0;
  for (const pid of pids) {
    try {
      writeFileSync(join(groupDir, "cgroup.procs"), String(pid));
      moved += 1;
    } catch {
      // exited meanwhile
    }
  }
  return moved;
}

/** Move whatever is in the group back to the root and remove the group. */
export function dissolveGroup(root: string, groupDir: string): void {
  if (!existsSync(groupDir)) return;
  const pids = readFileSync(join(groupDir, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  moveInto(root, pids);
  try {
    rmdirSync(groupDir);
  } catch {
    // a process forked into it meanwhile; the next recover removes it
  }
}
