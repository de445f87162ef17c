// The real operating system behind FaultOs: /proc and process.kill, the
// iptables binary, the cgroup v2 filesystem, TCP connects, zx for commands,
// HTTP to our proxy daemons and the system ssh client. `osOf(ctx)` is what a fault kind calls: the
// context's own parts (fakes, in unit tests) over these.
import { $ } from "zx";
import { sleep } from "../../core/sleep.ts";
import { allPids, readProc } from "../env/procfs.ts";
import type { ProxyControl } from "../proxy/proxy-client.ts";
import { systemSsh } from "../systems/ssh.ts";
import { cgroup2Root, createGroup, dissolveGroup, moveInto } from "./cgroup.ts";
import { runIptables } from "./iptables.ts";
import type { FaultOs } from "./os.ts";
import { probeSilent } from "./tcp-check.ts";

// The proxy client loads undici: only when a proxy fault really runs.
const lazyControl = (url: string): ProxyControl => {
  const client = async () => (await import("../proxy/proxy-client.ts")).proxyControl(url);
  return {
    list: async () => (await client()).list(),
    setMode: async (name, mode) => (await client()).setMode(name, mode),
    resetAll: async () => (await client()).resetAll(),
  };
};

export const realOs: FaultOs = {
  processes: { read: readProc, list: allPids, kill: (pid, signal) => void process.kill(pid, signal) },
  firewall: { iptables: runIptables },
  cgroups: { root: cgroup2Root, create: createGroup, move: moveInto, dissolve: dissolveGroup },
  network: { silent: probeSilent },
  commands: {
    async run(argv, o) {
      const out = await $({ env: { ...process.env, ...o.env }, timeout: o.timeoutMs, signal: o.signal, quiet: true, nothrow: true })`${argv}`;
      return { exitCode: out.exitCode, signal: out.signal, stdout: out.stdout, stderr: out.stderr };
    },
  },
  proxies: { control: lazyControl },
  ssh: systemSsh,
  timers: { sleep },
};

/** The OS a fault acts on: the context's parts, else the real ones. */
export function osOf(ctx: { os?: Partial<FaultOs> }): FaultOs {
  return ctx.os ? { ...realOs, ...ctx.os } : realOs;
}
