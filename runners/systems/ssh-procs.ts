// A node's processes on a host reached over SSH, by the same rules as on this
// machine (processes.ts, process-identity.ts): roots found by listening port,
// pidfile or systemd unit; the node is each root with all its descendants;
// nothing is signalled on a PID alone — each PID is signalled only if its start
// time (and, for a root, its command line) is still the one recorded.
// One ssh round trip reads a snapshot of the host's /proc; the tree is worked
// out here; a second round trip signals, re-checking each start time there.
import type { NodeProcessT, NodeSshT } from "../../stacks/lib/index.ts";
import { parseStat } from "../env/procfs.ts";
import { sshOk, type RemoteShell } from "./ssh.ts";

export interface RemoteProc { pid: number; ppid: number; state: string; startTime: number }
/** A process by identity on the remote host (PIDs are reused: the start time goes with it). */
export interface RemotePid { pid: number; startTime: number; cmdline?: string }
export interface Snapshot {
  candidates: Map<number, string>;
  procs: Map<number, RemoteProc>;
  /** The command lines, now, of the pinned roots the snapshot was asked about. */
  cmdlines: Map<number, string>;
}

// $1 ports (comma-separated), $2 pidfile, $3 systemd unit, $4 pinned root PIDs (space-separated).
// "C pid cmdline" per root candidate, "P pid cmdline" per pinned root, then "S pid <stat>" per process.
export const SNAPSHOT_SCRIPT = `
ports=$1; pidfile=$2; unit=$3; pinned=$4; cands=""
for p in $(echo "$ports" | tr ',' ' '); do cands="$cands $(ss -Hltnp "sport = :$p" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2)"; done
if [ -n "$pidfile" ] && [ -r "$pidfile" ]; then cands="$cands $(head -n1 "$pidfile")"; fi
if [ -n "$unit" ]; then
  g=$(systemctl show -p ControlGroup --value "$unit" 2>/dev/null)
  if [ -n "$g" ]; then for r in /sys/fs/cgroup /sys/fs/cgroup/unified /sys/fs/cgroup/systemd; do if [ -r "$r$g/cgroup.procs" ]; then cands="$cands $(cat "$r$g/cgroup.procs")"; break; fi; done; fi
fi
for c in $cands; do if [ -r "/proc/$c/cmdline" ]; then printf 'C %s %s\\n' "$c" "$(tr '\\000' ' ' < "/proc/$c/cmdline")"; fi; done
for c in $pinned; do if [ -r "/proc/$c/cmdline" ]; then printf 'P %s %s\\n' "$c" "$(tr '\\000' ' ' < "/proc/$c/cmdline")"; fi; done
for d in /proc/[0-9]*; do s=""; if { read -r s < "$d/stat"; } 2>/dev/null; then printf 'S %s %s\\n' "\${d#/proc/}" "$s"; fi; done
`;

// $1 signal, then pid:starttime pairs: each is signalled only while its start time still matches; prints the PIDs signalled.
export const SIGNAL_SCRIPT = `
sig=$1; shift
start_of() { s=""; { read -r s < "/proc/$1/stat"; } 2>/dev/null || return 1; set -- \${s##*) }; echo "\${20}"; }
for pair in "$@"; do
  pid=\${pair%%:*}; want=\${pair#*:}
  if [ "$(start_of "$pid")" = "$want" ] && kill -s "$sig" "$pid" 2>/dev/null; then echo "$pid"; fi
done
exit 0
`;

export function parseSnapshot(text: string): Snapshot {
  const candidates = new Map<number, string>();
  const cmdlines = new Map<number, string>();
  const procs = new Map<number, RemoteProc>();
  for (const line of text.split("\n")) {
    const m = /^([CPS]) (\d+) (.*)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[2]);
    if (m[1] !== "S") (m[1] === "C" ? candidates : cmdlines).set(pid, m[3]!.replace(/ +$/, ""));
    else {
      const stat = parseStat(m[3]!);
      if (stat) procs.set(pid, { pid, ppid: stat.ppid, state: stat.state, startTime: stat.startTime });
    }
  }
  return { candidates, procs, cmdlines };
}

/** How a remote read or signal runs: abortable, through a given ssh client (default the system's). */
export interface RemoteOptions { signal?: AbortSignal; shell?: RemoteShell }

/** The host's processes now; with `pinned`, also those roots' command lines, so stillThere can tell a PID that exec'd another program. */
export async function remoteSnapshot(node: string, ssh: NodeSshT, spec: NodeProcessT = {} as NodeProcessT, o: RemoteOptions = {}, pinned: RemotePid[] = []): Promise<Snapshot> {
  const out = await sshOk(node, ssh, "reading its processes", SNAPSHOT_SCRIPT, [(spec.ports ?? []).join(","), spec.pidfile ?? "", spec.systemdUnit ?? "", pinned.map((p) => p.pid).join(" ")], o);
  return parseSnapshot(out);
}

const alive = (p: RemoteProc | undefined): p is RemoteProc => p !== undefined && p.state !== "Z" && p.state !== "X";

function hasAncestorIn(s: Snapshot, pid: number, set: Set<number>): boolean {
  for (let ppid = s.procs.get(pid)?.ppid ?? 0, hops = 0; ppid > 1 && hops < 64; hops++) {
    if (set.has(ppid)) return true;
    ppid = s.procs.get(ppid)?.ppid ?? 0;
  }
  return false;
}

/** The node's roots now: live candidates none of whose ancestors is also a candidate. */
export function rootsOf(s: Snapshot): RemotePid[] {
  const live = [...s.candidates.keys()].filter((pid) => alive(s.procs.get(pid)));
  const set = new Set(live);
  return live.filter((pid) => !hasAncestorIn(s, pid, set)).map((pid) => ({ pid, startTime: s.procs.get(pid)!.startTime, cmdline: s.candidates.get(pid)! }));
}

/**
 * Is this very process still alive in the snapshot: same PID, same start time
 * and — for a pinned root whose command line the snapshot read — the same command line?
 */
export const stillThere = (s: Snapshot, p: RemotePid) =>
  alive(s.procs.get(p.pid)) && s.procs.get(p.pid)!.startTime === p.startTime && (p.cmdline === undefined || !s.cmdlines.has(p.pid) || s.cmdlines.get(p.pid) === p.cmdline);

/** Every process of the node now: each recorded root that is still itself, with all its descendants. */
export function treeOf(s: Snapshot, roots: RemotePid[]): RemotePid[] {
  const live = new Set(roots.filter((r) => stillThere(s, r)).map((r) => r.pid));
  return [...s.procs.values()].filter((p) => alive(p) && (live.has(p.pid) || hasAncestorIn(s, p.pid, live))).map((p) => ({ pid: p.pid, startTime: p.startTime }));
}

/** Send `sig` to each process whose start time still matches on the host; returns the PIDs signalled. */
export async function signalRemote(node: string, ssh: NodeSshT, sig: string, pids: RemotePid[], o: RemoteOptions = {}): Promise<number[]> {
  if (pids.length === 0) return [];
  const out = await sshOk(node, ssh, `sending ${sig}`, SIGNAL_SCRIPT, [sig.replace(/^SIG/, ""), ...pids.map((p) => `${p.pid}:${p.startTime}`)], o);
  return out.split("\n").filter(Boolean).map(Number);
}
