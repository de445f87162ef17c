// The operating system as the fault kinds see it, behind small interfaces (as
// xk6-disruptor's injected executor): process control and /proc, iptables,
// cgroups, TCP reachability, commands, our proxy daemons' control APIs, the ssh
// client that reaches other hosts, and time. Fault kinds take them from FaultContext.os; the real implementations
// are the default (os-real.ts), unit tests pass fakes (test/unit/faults/fake-os.ts)
// so every kind's inject, check and heal run with no process, network or rule.
import type { ProcInfo } from "../env/procfs.ts";
import type { ProxyControl } from "../proxy/proxy-client.ts";
import type { RemoteShell } from "../systems/ssh.ts";

export type { ProcInfo } from "../env/procfs.ts";
export type { RemoteShell, SshExit } from "../systems/ssh.ts";

/** /proc reads and signals. */
export interface ProcessControl {
  /** What `pid` runs now (undefined: no such process). */
  read(pid: number): ProcInfo | undefined;
  /** Every PID there is now. */
  list(): number[];
  /** Send `signal` to `pid` (negative: a process group); throws an errno error (ESRCH …) like process.kill. */
  kill(pid: number, signal: NodeJS.Signals): void;
}

/** iptables, without a shell. */
export interface Firewall {
  /** Run `iptables -w 5 <args>`; resolves stdout. Throws a DrillError ("environment" when iptables is missing, "fault" when it refuses). */
  iptables(args: string[]): Promise<string>;
}

/** A cgroup v2 of ours per partitioned node. Paths are absolute. */
export interface Cgroups {
  /** The cgroup v2 mount, if there is one. */
  root(): string | undefined;
  /** Create `<root>/<name>`; returns its path. */
  create(root: string, name: string): string;
  /** Move PIDs into a group; returns how many moved (exited ones are skipped). */
  move(groupDir: string, pids: number[]): number;
  /** Move every process of the group back to `root` and remove the group; harmless when it is gone. */
  dissolve(root: string, groupDir: string): void;
}

/** Whether a TCP endpoint answers. */
export interface Network {
  /** True when a connection to host:port does not complete within `ms` (dropped or refused). */
  silent(host: string, port: number, ms: number): Promise<boolean>;
}

export interface CommandResult {
  /** null when the command was ended by a signal. */
  exitCode: number | null;
  signal?: string | null;
  stdout: string;
  stderr: string;
}

/** Run an argument array, no shell: every element reaches the program as one argument. */
export interface Commands {
  run(argv: string[], o: { env: Record<string, string>; timeoutMs: number; signal?: AbortSignal }): Promise<CommandResult>;
}

/** Our proxy daemons, by control URL. */
export interface Proxies {
  control(controlUrl: string): ProxyControl;
}

/** Waiting, so that polls can be driven by a fake clock. */
export interface Timers {
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface FaultOs {
  processes: ProcessControl;
  firewall: Firewall;
  cgroups: Cgroups;
  network: Network;
  commands: Commands;
  proxies: Proxies;
  /** Other hosts, over ssh (the ssh.* faults). */
  ssh: RemoteShell;
  timers: Timers;
}
