// A server process started by a test: stopped politely, then forcefully, and
// killed on process exit if a test forgot (or crashed before afterAll), so no
// redis-server or postgres outlives the test run. Signals go to the server and
// all its descendants: PostgreSQL backends are separate processes, each in its
// own session (the postmaster calls setsid for them), so SIGSTOP on the
// postmaster or its process group alone would leave them answering.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const alive = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of alive) if (child.pid) killTree(child.pid, "SIGKILL");
});

export interface ServerProcess {
  readonly pid: number;
  readonly exited: Promise<void>;
  /** Output so far, for error messages when a server does not come up. */
  log(): string;
  /** Signals the server and every descendant (its workers). */
  signal(sig: NodeJS.Signals): void;
  /** `politeSignal`, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(politeSignal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function startServer(command: string, args: string[], options: SpawnOptions = {}): ServerProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (!child.pid) throw new Error(`could not start ${command}`);
  alive.add(child);
  let output = "";
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      alive.delete(child);
      resolve();
    }),
  );
  const pid = child.pid;
  return {
    pid,
    exited,
    log: () => output,
    signal: (sig) => {
      if (alive.has(child)) killTree(pid, sig);
    },
    async stop(politeSignal = "SIGTERM", graceMs = 5_000) {
      if (!alive.has(child)) return;
      killTree(pid, "SIGCONT"); // a paused process cannot act on a polite signal
      process.kill(pid, politeSignal);
      const workers = descendants(pid);
      const timer = setTimeout(() => alive.has(child) && killTree(pid, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      // A crash (SIGKILL) of the leader can leave workers behind: take them too.
      if (politeSignal === "SIGKILL") for (const w of workers) signalIfAlive(w, "SIGKILL");
    },
  };
}

/** Signals `pid` and its descendants, parents first; processes already gone are fine. */
function killTree(pid: number, sig: NodeJS.Signals): void {
  for (const p of [pid, ...descendants(pid)]) signalIfAlive(p, sig);
}

function signalIfAlive(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Descendants of `pid` from /proc (bounded by the number of processes). */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the command name, which is in parentheses and may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parentOf) if (ppid === parent) (out.push(child), queue.push(child));
  }
  return out;
}
