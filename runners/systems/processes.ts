// The OS processes of a node the user runs, found the ways its plan names:
// a systemd unit's cgroup, a pidfile, the processes listening on its ports.
// Each found process is a root; the node is every root with all its
// descendants. Patroni double-forks the postmaster into its own session, so
// neither Patroni's group nor its children hold PostgreSQL: declaring the
// PostgreSQL port (or <datadir>/postmaster.pid) finds it.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import type { NodeProcessT } from "../../stacks/lib/index.ts";
import { isGone, readProc, type ProcInfo } from "../env/procfs.ts";

/** Processes that serve the node now, roots first (no descendants: the fault adds them when it signals). */
export function findNodeRoots(spec: NodeProcessT): ProcInfo[] {
  const pids = new Set<number>();
  if (spec.systemdUnit) for (const pid of unitPids(spec.systemdUnit)) pids.add(pid);
  if (spec.pidfile) {
    const pid = pidFromFile(spec.pidfile);
    if (pid) pids.add(pid);
  }
  for (const port of spec.ports ?? []) for (const pid of listeners(port)) pids.add(pid);
  const procs = [...pids].map(readProc).filter((p): p is ProcInfo => !isGone(p));
  // A process whose ancestor is also a root is covered by that root's tree.
  const set = new Set(procs.map((p) => p.pid));
  return procs.filter((p) => !hasAncestorIn(p, set));
}

function hasAncestorIn(p: ProcInfo, set: Set<number>): boolean {
  for (let ppid = p.ppid, hops = 0; ppid > 1 && hops < 64; hops++) {
    if (set.has(ppid)) return true;
    ppid = readProc(ppid)?.ppid ?? 0;
  }
  return false;
}

export function pidFromFile(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]!.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** PIDs holding a listening TCP socket on `port` (IPv4 or IPv6, any address). */
export function listeners(port: number): number[] {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; field 9 is the inode.
      if (f.length > 9 && f[3] === "0A" && parseInt(f[1]!.split(":")[1]!, 16) === port) inodes.add(f[9]!);
    }
  }
  if (inodes.size === 0) return [];
  const pids: number[] = [];
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${name}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link = "";
      try {
        link = readlinkSync(`/proc/${name}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode && inodes.has(inode)) {
        pids.push(Number(name));
        break;
      }
    }
  }
  return pids;
}

/** Every process in a systemd unit's cgroup (v2 unified, or v1's name=systemd hierarchy). */
export function unitPids(unit: string): number[] {
  let group = "";
  try {
    group = execFileSync("systemctl", ["show", "-p", "ControlGroup", "--value", unit], { encoding: "utf8", timeout: 5_000 }).trim();
  } catch {
    return [];
  }
  if (!group) return [];
  for (const root of ["/sys/fs/cgroup", "/sys/fs/cgroup/unified", "/sys/fs/cgroup/systemd"]) {
    try {
      return readFileSync(`${root}${group}/cgroup.procs`, "utf8").split("\n").filter(Boolean).map(Number);
    } catch {
      // not this hierarchy
    }
  }
  return [];
}
