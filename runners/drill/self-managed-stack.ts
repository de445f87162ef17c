// A system the user runs (plan target `self-managed`): nothing of ours is
// started, healed or stopped for it. Roles and redundancy are read live by
// the protocol each node declares (runners/systems/); a node's processes are
// found the ways the plan names (systemd unit, pidfile, listening ports);
// restore waits, bounded, for the system's own HA software to bring every
// node back, and says how long that took.
import type { NodeAccessT, PlanT } from "../../stacks/lib/index.ts";
import { environmentError, inputError } from "../../core/errors.ts";
import { awaitRedundancy } from "../systems/await-redundancy.ts";
import { findNodeRoots } from "../systems/processes.ts";
import { readNode } from "../systems/read-node.ts";
import { judgeRedundancy, type RedundancyVerdict } from "../systems/redundancy.ts";
import type { StackAdapter } from "./stack-adapter.ts";

export interface SelfManagedOptions {
  /** Longest wait for full redundancy in restore, in ms (default 120 000). */
  restoreBoundMs?: number;
  /** Per-node read timeout, in ms (default 2 000). */
  readTimeoutMs?: number;
}

interface Declared { service: string; target: string; node: string; access: NodeAccessT }

/** Every node the plan declares access for, with where it was declared (for messages). */
export function declaredAccess(plan: PlanT): Declared[] {
  return plan.services.flatMap((s) =>
    s.failoverTargets.flatMap((t) => Object.entries(t.nodes ?? {}).map(([node, access]) => ({ service: s.name, target: t.name, node, access }))),
  );
}

export function selfManagedStack(plan: PlanT, opts: SelfManagedOptions = {}): StackAdapter {
  const declared = declaredAccess(plan);
  const timeout = opts.readTimeoutMs ?? 2_000;

  async function redundancy(): Promise<RedundancyVerdict> {
    if (declared.length === 0) return { full: false, detail: "the plan declares no node access (failoverTargets[].nodes): redundancy cannot be read" };
    const groups = new Map<string, Declared[]>();
    for (const d of declared) groups.set(`${d.service}/${d.target}`, [...(groups.get(`${d.service}/${d.target}`) ?? []), d]);
    const verdicts = await Promise.all([...groups].map(async ([name, nodes]) => ({ name, v: judgeRedundancy(await Promise.all(nodes.map((d) => readNode(d.node, d.access, timeout)))) })));
    return { full: verdicts.every((x) => x.v.full), detail: verdicts.map((x) => `${x.name}: ${x.v.detail}`).join(" | ") };
  }

  return {
    name: "self-managed",
    roles: {
      async roles(service) {
        const nodes = declared.filter((d) => d.service === service);
        const views = await Promise.all(nodes.map((d) => readNode(d.node, d.access, timeout)));
        return views.filter((v) => v.up).map((v) => ({ node: v.node, role: v.role }));
      },
    },
    nodes: {
      async process(node) {
        const d = declared.find((x) => x.node === node);
        if (d?.access.ssh) throw inputError(`node "${node}" runs on ${d.access.ssh.host}, reached over SSH: its processes are not on this machine; use the ssh.process.kill / ssh.process.pause / ssh.command faults`);
        if (!d?.access.process) throw inputError(`node "${node}" declares no processes (plan: ${d ? `${d.service}.failoverTargets.${d.target}.nodes.${node}.process` : "no failoverTargets[].nodes entry"}): name a systemdUnit, pidfile or ports`);
        const roots = findNodeRoots(d.access.process);
        if (roots.length === 0) return undefined;
        return { pid: roots[0]!.pid, cmdline: roots[0]!.cmdline, roots: roots.map((r) => r.pid) };
      },
      async remote(node) {
        const d = declared.find((x) => x.node === node);
        if (!d?.access.ssh) return undefined;
        if (!d.access.process) throw inputError(`node "${node}" declares no processes (plan: ${d.service}.failoverTargets.${d.target}.nodes.${node}.process): name a systemdUnit, pidfile or ports on ${d.access.ssh.host}`);
        return { ssh: d.access.ssh, process: d.access.process };
      },
    },
    async ensureReady() {
      return `self-managed: nothing of ours started; ${declared.length} declared node(s) read live`;
    },
    redundancy,
    async restore(onProgress) {
      const bound = opts.restoreBoundMs ?? 120_000;
      onProgress(`waiting up to ${bound / 1000} s for full redundancy (the system's own HA software restores it)`);
      const wait = await awaitRedundancy(redundancy, bound);
      if (!wait.full) throw environmentError(`not back to full redundancy within ${bound / 1000} s: ${wait.detail}`);
      return `full redundancy after ${(wait.afterMs / 1000).toFixed(2)} s: ${wait.detail}`;
    },
  };
}
