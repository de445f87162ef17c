// An in-memory operating system for the fault kinds' unit tests: a process
// table that obeys signals, an iptables that keeps rules as `iptables -S`
// prints them, cgroups as sets, a network where a port is silent while a rule
// of ours drops it, scripted commands, proxies as a name → mode map, and
// timers that advance a manual clock. No process, socket or rule is touched.
import { manualClock } from "../../../core/clock.ts";
import { environmentError, faultError } from "../../../core/errors.ts";
import type { FaultContext, NodeProcesses, ProxyRoutes } from "../../../runners/faults/fault.ts";
import type { CommandResult, FaultOs, ProcInfo } from "../../../runners/faults/os.ts";
import type { ProxyMode } from "../../../runners/proxy/mode.ts";

const errno = (code: string) => Object.assign(new Error(`kill ${code}`), { code });

export class FakeProcesses {
  readonly table = new Map<number, ProcInfo>();
  readonly sent: { pid: number; signal: string }[] = [];
  /** Signals a process ignores (a SIGTERM handler that never exits …). */
  readonly ignores = new Set<string>();
  /** A process that signals cannot reach (EPERM). */
  readonly forbidden = new Set<number>();
  private nextStart = 1_000;

  spawn(p: { pid: number; ppid?: number; pgid?: number; cmdline?: string; state?: string }): ProcInfo {
    const info = { pid: p.pid, ppid: p.ppid ?? 1, pgid: p.pgid ?? p.pid, state: p.state ?? "S", startTime: this.nextStart++, cmdline: p.cmdline ?? `proc-${p.pid}` };
    this.table.set(p.pid, info);
    return info;
  }

  /** The PID now belongs to another program started later (PID reuse). */
  reuse(pid: number, cmdline = "someone-else"): void {
    const was = this.table.get(pid);
    this.spawn({ pid, ppid: 1, pgid: pid, cmdline: was ? cmdline : cmdline });
  }

  readonly control: { read(pid: number): ProcInfo | undefined; list(): number[]; kill(pid: number, signal: NodeJS.Signals): void } = {
    read: (pid: number) => {
      const p = this.table.get(pid);
      return p && { ...p };
    },
    list: () => [...this.table.keys()],
    kill: (pid: number, signal: NodeJS.Signals): void => {
      if (pid < 0) {
        // A process group, as kill(2) with a negative PID.
        const members = [...this.table.values()].filter((p) => p.pgid === -pid).map((p) => p.pid);
        if (members.length === 0) throw errno("ESRCH");
        for (const m of members) this.control.kill(m, signal);
        return;
      }
      const p = this.table.get(pid);
      if (!p) throw errno("ESRCH");
      if (this.forbidden.has(pid)) throw errno("EPERM");
      this.sent.push({ pid, signal });
      if (this.ignores.has(signal)) return;
      if (signal === "SIGKILL" || signal === "SIGTERM" || signal === "SIGQUIT") this.table.delete(pid);
      else if (signal === "SIGSTOP") p.state = "T";
      else if (signal === "SIGCONT") p.state = "S";
    },
  };

  state(pid: number): string | undefined {
    return this.table.get(pid)?.state;
  }
}

export class FakeFirewall {
  rules: string[] = [];
  calls: string[][] = [];
  missing = false;
  refuses = false;

  readonly control = {
    iptables: async (args: string[]) => {
      this.calls.push(args);
      if (this.missing) throw environmentError("iptables is not installed (apt-get install iptables)");
      if (this.refuses) throw faultError(`iptables ${args.join(" ")} failed: Permission denied (you must be root)`);
      const [op, chain, ...rest] = args;
      // iptables -S quotes nothing in our comments ("drill:<id>" has no spaces).
      if (op === "-I") this.rules.unshift(`-A ${chain} ${rest.join(" ")}`);
      else if (op === "-D") {
        const line = `-A ${chain} ${rest.join(" ")}`;
        const i = this.rules.indexOf(line);
        if (i < 0) throw faultError("iptables: Bad rule (does a matching rule exist in that chain?)");
        this.rules.splice(i, 1);
      } else if (op === "-S") return `-P ${chain} ACCEPT\n${this.rules.filter((r) => r.startsWith(`-A ${chain} `)).join("\n")}\n`;
      return "";
    },
  };
}

export class FakeCgroups {
  groups = new Map<string, Set<number>>();
  /** `mount` undefined: a host without cgroup v2. */
  constructor(readonly mount: string | undefined) {}

  readonly control = {
    root: () => this.mount,
    create: (root: string, name: string) => {
      const dir = `${root}/${name}`;
      if (!this.groups.has(dir)) this.groups.set(dir, new Set());
      return dir;
    },
    move: (dir: string, pids: number[]) => {
      for (const set of this.groups.values()) for (const pid of pids) set.delete(pid);
      const set = this.groups.get(dir) ?? new Set<number>();
      for (const pid of pids) set.add(pid);
      if (dir !== this.mount) this.groups.set(dir, set);
      return pids.length;
    },
    dissolve: (_root: string, dir: string) => void this.groups.delete(dir),
  };
}

export class FakeProxies {
  modes = new Map<string, ProxyMode>();
  unreachable = false;
  readonly set: { name: string; mode: ProxyMode }[] = [];

  constructor(...names: string[]) {
    for (const n of names) this.modes.set(n, { kind: "pass" });
  }

  control(url: string) {
    const reach = () => {
      if (this.unreachable) throw environmentError(`proxy daemon at ${url} is not reachable (ECONNREFUSED); is it running?`);
    };
    const status = (name: string) => ({ name, listen: { host: "127.0.0.1", port: 1 }, upstream: { host: "127.0.0.1", port: 2 }, mode: this.modes.get(name)!, connections: 0 });
    return {
      list: async () => (reach(), [...this.modes.keys()].map(status)),
      setMode: async (name: string, mode: ProxyMode) => {
        reach();
        if (!this.modes.has(name)) throw environmentError(`no proxy ${name}`);
        this.modes.set(name, mode);
        this.set.push({ name, mode });
        return status(name);
      },
      resetAll: async () => (reach(), [...this.modes.keys()].map((n) => (this.modes.set(n, { kind: "pass" }), status(n)))),
    } as never;
  }
}

export interface FakeWorld {
  os: FaultOs;
  clock: ReturnType<typeof manualClock>;
  processes: FakeProcesses;
  firewall: FakeFirewall;
  cgroups: FakeCgroups;
  proxies: FakeProxies;
  /** Commands run, with their environment. */
  commands: { argv: string[]; env: Record<string, string> }[];
  /** How a command answers (default: exit 0, no output). */
  answer: (argv: string[]) => CommandResult;
  /** Ports that refuse or drop connections without any rule (a dead node). */
  deadPorts: Set<number>;
  notes: string[];
  ctx(extra?: Partial<FaultContext>): FaultContext;
}

export function fakeWorld(o: { cgroupMount?: string | undefined; proxies?: string[] } = {}): FakeWorld {
  const clock = manualClock(0, Date.UTC(2026, 0, 1));
  const processes = new FakeProcesses();
  const firewall = new FakeFirewall();
  const cgroups = new FakeCgroups("cgroupMount" in o ? o.cgroupMount : "/sys/fs/cgroup");
  const proxies = new FakeProxies(...(o.proxies ?? []));
  const deadPorts = new Set<number>();
  const notes: string[] = [];
  const world: FakeWorld = {
    clock, processes, firewall, cgroups, proxies, deadPorts, notes, commands: [],
    answer: () => ({ exitCode: 0, stdout: "", stderr: "" }),
    os: {
      processes: processes.control,
      firewall: firewall.control,
      cgroups: cgroups.control,
      network: { silent: async (_host, port) => deadPorts.has(port) || firewall.rules.some((r) => r.includes(`--dport ${port} `)) },
      commands: {
        run: async (argv, c) => {
          world.commands.push({ argv, env: c.env });
          return world.answer(argv);
        },
      },
      proxies: { control: (url) => proxies.control(url) },
      // No other host in this world; ssh-fake-host.ts supplies one for the ssh.* kinds.
      ssh: { run: async (ssh) => ({ code: 255, signal: null, stdout: "", stderr: `ssh: Could not resolve hostname ${ssh.host}` }) },
      timers: { sleep: async (ms) => clock.advance(ms) },
    },
    ctx: (extra = {}) => ({
      faultId: "d1-f0", clock, signal: new AbortController().signal, stateDir: "/nonexistent/state", note: (level, m) => void notes.push(`${level}: ${m}`), os: world.os, ...extra,
    }),
  };
  return world;
}

/** The stack's answer for which process a node is. */
export const nodesOf = (map: Record<string, { pid: number; pgid?: number; roots?: number[] }>): NodeProcesses => ({
  process: async (node) => (map[node] ? { cmdline: "", ...map[node]! } : undefined),
});

export const routesOf = (map: Record<string, string>, controlUrl = "http://127.0.0.1:18095"): ProxyRoutes => ({
  proxyFor: async (t) => {
    const name = map[t.kind === "node" ? t.node : t.kind === "endpoint" ? t.endpoint : ""];
    return name ? { controlUrl, name } : undefined;
  },
});
