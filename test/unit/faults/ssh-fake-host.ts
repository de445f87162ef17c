// A remote host for the ssh.* fault kinds' unit tests, behind the same
// RemoteShell the system ssh client implements: a process table whose /proc it
// prints the way the snapshot script does (so the real parser reads it), the
// signal script's rule (a PID is signalled only while its start time is the
// one sent), scripted answers for `exec "$@"`, and ssh's own failures (exit
// 255, killed at the bound, no client). Every round trip is recorded.
import type { NodeSshT } from "../../../stacks/lib/index.ts";
import { fakeWorld } from "./fake-os.ts";
import type { RemoteShell, SshExit } from "../../../runners/faults/os.ts";
import { SIGNAL_SCRIPT, SNAPSHOT_SCRIPT } from "../../../runners/systems/ssh-procs.ts";
import { EXEC_SCRIPT } from "../../../runners/faults/ssh-command.ts";

export interface RemoteProcess { pid: number; ppid: number; state: string; startTime: number; cmdline: string }
export type Sent = { host: string; script: "snapshot" | "signal" | "exec"; args: string[]; abortable: boolean };

const SCRIPTS = new Map([[SNAPSHOT_SCRIPT, "snapshot"], [SIGNAL_SCRIPT, "signal"], [EXEC_SCRIPT, "exec"]] as const);

export class FakeHost {
  readonly table = new Map<number, RemoteProcess>();
  /** Listening TCP port → PID, as `ss -ltnp` would show. */
  readonly listening = new Map<number, number>();
  readonly sent: Sent[] = [];
  /** Signals that do not end a process (a SIGTERM handler that never exits …). */
  readonly ignores = new Set<string>();
  /** How ssh itself ends instead of running the script: unreachable (255), hung (killed at the bound), or missing client. */
  failure: "unreachable" | "hangs" | "no-client" | undefined;
  /** How `exec "$@"` answers an argument array (default: exit 0, no output). */
  answer: (argv: string[]) => { code: number; stdout?: string; stderr?: string } = () => ({ code: 0 });
  /** Runs before each signal script (a PID reused between the snapshot and the signal …). */
  beforeSignal: () => void = () => undefined;
  private nextStart = 5_000;

  constructor(readonly address = "10.0.0.7") {}

  spawn(p: { pid: number; ppid?: number; cmdline?: string; port?: number }): RemoteProcess {
    const proc = { pid: p.pid, ppid: p.ppid ?? 1, state: "S", startTime: this.nextStart++, cmdline: p.cmdline ?? `proc-${p.pid}` };
    this.table.set(p.pid, proc);
    if (p.port) this.listening.set(p.port, p.pid);
    return proc;
  }

  /** The PID now belongs to another program started later. */
  reuse(pid: number, cmdline = "someone-else"): void {
    this.spawn({ pid, cmdline });
  }

  /** The process replaced its program (execve): same PID, same start time, another command line. */
  exec(pid: number, cmdline: string): void {
    this.table.get(pid)!.cmdline = cmdline;
  }

  state = (pid: number) => this.table.get(pid)?.state;

  readonly shell: RemoteShell = {
    run: async (ssh: NodeSshT, script: string, args: string[], o): Promise<SshExit> => {
      const kind = SCRIPTS.get(script as never);
      if (!kind) throw new Error(`fake host: an unknown script was sent: ${script.slice(0, 80)}`);
      this.sent.push({ host: ssh.host, script: kind, args, abortable: o.signal !== undefined });
      if (this.failure === "no-client") throw Object.assign(new Error("spawn ssh ENOENT"), { code: "ENOENT" });
      if (this.failure === "unreachable") return exit(255, "", `ssh: connect to host ${ssh.host} port ${ssh.port ?? 22}: No route to host\r\n`);
      if (this.failure === "hangs") return { code: null, signal: "SIGKILL", stdout: "", stderr: "" };
      if (kind === "snapshot") return exit(0, this.snapshot(args[0] ?? "", args[3] ?? ""));
      if (kind === "signal") return exit(0, this.signal(args[0]!, args.slice(1)));
      const a = this.answer(args);
      return exit(a.code, a.stdout ?? "", a.stderr ?? "");
    },
  };

  // "C pid cmdline" for each process listening on one of the ports, "P pid cmdline" for each pinned PID, then "S pid <stat>" for every process.
  private snapshot(ports: string, pinned: string): string {
    const present = (pid: number | undefined): pid is number => pid !== undefined && this.table.has(pid);
    const cands = ports.split(",").filter(Boolean).map((p) => this.listening.get(Number(p))).filter(present);
    return [
      ...cands.map((pid) => `C ${pid} ${this.table.get(pid)!.cmdline} `),
      ...pinned.split(" ").filter(Boolean).map(Number).filter(present).map((pid) => `P ${pid} ${this.table.get(pid)!.cmdline} `),
      ...[...this.table.values()].map((p) => `S ${p.pid} ${p.pid} (${p.cmdline.split(" ")[0]}) ${p.state} ${p.ppid} ${p.pid} ${p.pid} 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${p.startTime} 0 0`),
    ].join("\n") + "\n";
  }

  private signal(sig: string, pairs: string[]): string {
    this.beforeSignal();
    const signalled: number[] = [];
    for (const pair of pairs) {
      const [pid, start] = pair.split(":").map(Number) as [number, number];
      const p = this.table.get(pid);
      if (!p || p.startTime !== start) continue;
      signalled.push(pid);
      if (this.ignores.has(sig)) continue;
      if (sig === "KILL" || sig === "TERM" || sig === "QUIT") this.table.delete(pid);
      else if (sig === "STOP") p.state = "T";
      else if (sig === "CONT") p.state = "S";
    }
    return signalled.map((pid) => `${pid}\n`).join("");
  }
}

const exit = (code: number, stdout: string, stderr = ""): SshExit => ({ code, signal: null, stdout, stderr });

/** A stack whose node `name` runs on `host`, reached over ssh, found by its listening port. */
export const remoteNodes = (host: FakeHost, name = "redis-a", port = 6379) => ({
  process: async () => undefined,
  remote: async (node: string) => (node === name ? { ssh: { host: host.address, user: "ops", port: 2222, identityFile: "/keys/id_ed25519" }, process: { ports: [port] } } : undefined),
});

/** redis-server (listening on 6379) with a child, and an unrelated sshd on the same host. */
export function redisHost(): FakeHost {
  const host = new FakeHost();
  host.spawn({ pid: 300, cmdline: "/usr/bin/redis-server *:6379", port: 6379 });
  host.spawn({ pid: 301, ppid: 300, cmdline: "redis-rdb-bgsave" });
  host.spawn({ pid: 22, cmdline: "sshd: /usr/sbin/sshd -D" });
  return host;
}

/** A fake world whose fault context reaches node "redis-a" on `host` over the fake ssh; `abort` stops the run. */
export function remoteWorld(host: FakeHost) {
  const w = fakeWorld();
  const abort = new AbortController();
  const ctx = w.ctx({ nodes: remoteNodes(host), os: { ...w.os, ssh: host.shell }, signal: abort.signal });
  return { host, w, ctx, abort };
}
