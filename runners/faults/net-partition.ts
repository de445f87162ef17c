// net.partition — a node is cut off. Two ways, as the scenario chooses:
//  - "firewall" (default for local nodes): iptables drops every packet to the
//    node's port and, through a cgroup of ours, every packet its processes send.
//    Clients, peers, monitors and Sentinels lose it, and it loses them — a real
//    partition on loopback, which pg_auto_failover and Sentinel must handle.
//  - "proxy": only the client path through our TCP proxy is cut (blackhole: the
//    node accepts and never answers; or reset). Useful where the HA software is
//    not meant to see the partition.
import { z } from "zod";
import { RunError } from "../../core/errors.ts";
import { cgroup2Root, createGroup, dissolveGroup, moveInto } from "./cgroup.ts";
import { processTree } from "./process-tree.ts";
import type { FaultKind } from "./fault.ts";
import { addRule, removeRules, rulesOf } from "./iptables.ts";
import { nodePids, pinNode, type PinnedProcess } from "./process-identity.ts";
import { probeSilent } from "./tcp-check.ts";

export const Params = z.strictObject({
  via: z.enum(["firewall", "proxy"]).default("firewall"),
  /** With via "proxy": accept and never answer (blackhole), or refuse with RST (reset). */
  mode: z.enum(["blackhole", "reset"]).default("blackhole"),
});

type State =
  | { via: "firewall"; tag: string; node: string; host: string; port: number; pgid?: number; pinned?: PinnedProcess; cgroupRoot?: string; cgroupDir?: string }
  | { via: "proxy"; node: string; controlUrl: string; proxy: string; mode: "blackhole" | "reset"; host: string; port: number };

const hostPort = (address: string | undefined, node: string) => {
  const m = /^(?:[a-z]+:\/\/)?([^:/]+):(\d+)/.exec(address ?? "");
  if (!m) throw new RunError(`node "${node}" has no host:port address in the plan to partition`);
  return { host: m[1]!, port: Number(m[2]) };
};

export const netPartition: FaultKind<z.infer<typeof Params>, State> = {
  kind: "net.partition",
  description: "Cut a node off: iptables + cgroup on loopback (via firewall) or our TCP proxy (via proxy)",
  params: Params,
  targets: ["node", "endpoint"],
  async plan(params, target, ctx) {
    if (target.kind !== "node" && target.kind !== "endpoint") throw new Error("net.partition needs a node or endpoint target");
    const node = target.kind === "node" ? target.node : target.endpoint;
    const { host, port } = hostPort(target.address, node);
    if (params.via === "proxy") {
      const route = await ctx.proxies?.proxyFor(target);
      if (!route) throw new RunError(`no proxy of ours sits in front of "${node}": use via "firewall"`);
      return { via: "proxy", node, controlUrl: route.controlUrl, proxy: route.name, mode: params.mode, host, port };
    }
    const root = cgroup2Root();
    const pinned = target.kind === "node" && ctx.nodes ? await pinNode(node, true, ctx) : undefined;
    const pgid = pinned?.pgid;
    return { via: "firewall", tag: ctx.faultId, node, host, port, pgid, pinned, cgroupRoot: root, cgroupDir: root && pgid ? `${root}/drill-${ctx.faultId}` : undefined };
  },
  async inject(state) {
    if (state.via === "proxy") {
      const { proxyControl } = await import("../proxy/proxy-client.ts");
      await proxyControl(state.controlUrl).setMode(state.proxy, { kind: state.mode });
      return;
    }
    await addRule("INPUT", ["-i", "lo", "-p", "tcp", "--dport", String(state.port)], state.tag);
    await addRule("OUTPUT", ["-o", "lo", "-p", "tcp", "--sport", String(state.port)], state.tag);
    if (state.cgroupRoot && state.cgroupDir && state.pgid) {
      const dir = createGroup(state.cgroupRoot, state.cgroupDir.slice(state.cgroupRoot.length + 1));
      await addRule("OUTPUT", ["-m", "cgroup", "--path", dir.slice(state.cgroupRoot.length + 1)], state.tag);
      // A self-managed node is its roots' trees (a double-forked postmaster included), not a group.
      moveInto(dir, state.pinned ? nodePids(state.pinned) : processTree(state.pgid));
    }
  },
  async check(state) {
    if (state.via === "proxy") {
      const { proxyControl } = await import("../proxy/proxy-client.ts");
      const mode = (await proxyControl(state.controlUrl).list()).find((p) => p.name === state.proxy)?.mode.kind;
      return { confirmed: mode === state.mode, detail: `proxy ${state.proxy} is in mode ${mode}` };
    }
    const rules = await rulesOf(state.tag);
    const silent = await probeSilent(state.host, state.port, 500);
    return { confirmed: rules.length > 0 && silent, detail: `${rules.length} rule(s); ${state.host}:${state.port} ${silent ? "does not answer" : "still answers"}` };
  },
  async heal(state) {
    if (state.via === "proxy") {
      const { proxyControl } = await import("../proxy/proxy-client.ts");
      await proxyControl(state.controlUrl).setMode(state.proxy, { kind: "pass" });
      return;
    }
    await removeRules(state.tag);
    if (state.cgroupRoot && state.cgroupDir) dissolveGroup(state.cgroupRoot, state.cgroupDir);
  },
  describe: (s) => (s.via === "proxy" ? `${s.mode} ${s.node} at proxy ${s.proxy}` : `partition ${s.node} (${s.host}:${s.port}) by firewall${s.cgroupDir ? " + cgroup" : ""}`),
};
