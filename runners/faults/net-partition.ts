// net.partition — a node is cut off by the firewall: iptables drops every
// packet to the node's port and, through a cgroup of ours, every packet its
// processes send. Clients, peers, monitors and Sentinels lose it, and it loses
// them — a real partition on loopback, which pg_auto_failover and Sentinel must
// handle. (Cutting only the client path is net.proxy with mode blackhole.)
import { z } from "zod";
import { inputError } from "../../core/errors.ts";
import type { FaultKind } from "./fault.ts";
import { addRule, removeRules, rulesOf } from "./iptables.ts";
import { osOf } from "./os-real.ts";
import { nodePids, pinNode, type PinnedProcess } from "./process-identity.ts";
import { processTree } from "./process-tree.ts";

/** `via: "firewall"` is the only mechanism; still accepted as written by older scenarios. */
export const NetPartitionParams = z.strictObject({ via: z.literal("firewall").optional() });

export interface PartitionState {
  [key: string]: unknown;
  tag: string;
  node: string;
  host: string;
  port: number;
  pgid?: number;
  pinned?: PinnedProcess;
  cgroupRoot?: string;
  cgroupDir?: string;
}

const hostPort = (address: string | undefined, node: string, fault: string) => {
  const m = /^(?:[a-z]+:\/\/)?([^:/]+):(\d+)/.exec(address ?? "");
  if (!m) throw inputError(`node "${node}" has no host:port address in the plan to partition`, { node, fault });
  return { host: m[1]!, port: Number(m[2]) };
};

export const netPartition: FaultKind<z.infer<typeof NetPartitionParams>, PartitionState> = {
  kind: "net.partition",
  description: "Cut a node off: iptables on its port + a cgroup of its processes, on loopback",
  params: NetPartitionParams,
  targets: ["node", "endpoint"],
  async prepare(_params, target, ctx) {
    if (target.kind !== "node" && target.kind !== "endpoint") throw inputError(`net.partition needs a node or endpoint target, not ${target.kind}`, { fault: ctx.faultId });
    const node = target.kind === "node" ? target.node : target.endpoint;
    const { host, port } = hostPort(target.address, node, ctx.faultId);
    const root = osOf(ctx).cgroups.root();
    const pinned = target.kind === "node" && ctx.nodes ? await pinNode(node, true, ctx) : undefined;
    const pgid = pinned?.pgid;
    return { tag: ctx.faultId, node, host, port, pgid, pinned, cgroupRoot: root, cgroupDir: root && pgid ? `${root}/drill-${ctx.faultId}` : undefined };
  },
  async inject(state, ctx) {
    const { firewall, cgroups, processes } = osOf(ctx);
    await addRule("INPUT", ["-i", "lo", "-p", "tcp", "--dport", String(state.port)], state.tag, firewall);
    await addRule("OUTPUT", ["-o", "lo", "-p", "tcp", "--sport", String(state.port)], state.tag, firewall);
    if (state.cgroupRoot && state.cgroupDir && state.pgid) {
      const dir = cgroups.create(state.cgroupRoot, state.cgroupDir.slice(state.cgroupRoot.length + 1));
      await addRule("OUTPUT", ["-m", "cgroup", "--path", dir.slice(state.cgroupRoot.length + 1)], state.tag, firewall);
      // A self-managed node is its roots' trees (a double-forked postmaster included), not a group.
      cgroups.move(dir, state.pinned ? nodePids(state.pinned, processes) : processTree(state.pgid, processes));
    }
  },
  async check(state, ctx) {
    const { firewall, network } = osOf(ctx);
    const rules = await rulesOf(state.tag, firewall);
    const silent = await network.silent(state.host, state.port, 500);
    return { confirmed: rules.length > 0 && silent, detail: `${rules.length} rule(s); ${state.host}:${state.port} ${silent ? "does not answer" : "still answers"}` };
  },
  async heal(state, ctx) {
    const { firewall, cgroups } = osOf(ctx);
    await removeRules(state.tag, firewall);
    if (state.cgroupRoot && state.cgroupDir) cgroups.dissolve(state.cgroupRoot, state.cgroupDir);
  },
  describe: (s) => `partition ${s.node} (${s.host}:${s.port}) by firewall${s.cgroupDir ? " + cgroup" : ""}`,
};
