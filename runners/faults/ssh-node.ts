// What every ssh.* fault on a node starts from: the node's SSH access and
// process declaration, from the plan, through the stack's NodeProcesses; and
// the ssh client to reach it with, from the context (a fake host in unit tests).
import { DrillError } from "../../core/errors.ts";
import type { NodeProcessT, NodeSshT } from "../../stacks/lib/index.ts";
import { remoteSnapshot, rootsOf, treeOf, type RemoteOptions, type RemotePid } from "../systems/ssh-procs.ts";
import type { FaultContext } from "./fault.ts";
import { osOf } from "./os-real.ts";
import type { ResolvedTarget } from "./targets.ts";

export interface RemoteNode { node: string; ssh: NodeSshT; process: NodeProcessT }

export async function remoteNode(kind: string, target: ResolvedTarget, ctx: FaultContext): Promise<RemoteNode> {
  if (target.kind !== "node") throw new DrillError("input", `${kind} needs a node target`, { fault: kind });
  const r = await ctx.nodes?.remote?.(target.node);
  if (!r) throw new DrillError("input", `node "${target.node}" is not reached over SSH: declare failoverTargets[].nodes.${target.node}.ssh (host, user, identityFile) and .process, or use the local ${kind.replace(/^ssh\./, "")}`, { node: target.node, fault: kind });
  return { node: target.node, ...r };
}

/**
 * The context's ssh client; with `abortable`, bound to the run's abort signal.
 * A heal passes false: it must run to its end even while the run is being stopped.
 */
export const remoteVia = (ctx: Pick<FaultContext, "os" | "signal">, abortable = true): RemoteOptions => ({ shell: osOf(ctx).ssh, ...(abortable ? { signal: ctx.signal } : {}) });

/** The node's roots on its host now, by identity; refuses when none runs (nothing to fault). */
export async function pinRemoteRoots(n: RemoteNode, o: RemoteOptions): Promise<RemotePid[]> {
  const roots = rootsOf(await remoteSnapshot(n.node, n.ssh, n.process, o));
  if (roots.length === 0) throw new DrillError("fault", `node "${n.node}" has no running process on ${n.ssh.host} to fault (looked for: ${JSON.stringify(n.process)})`, { node: n.node });
  return roots;
}

/** Every process of the node on its host now: each recorded root still itself, with its descendants. */
export async function remoteTree(n: RemoteNode, roots: RemotePid[], o: RemoteOptions): Promise<RemotePid[]> {
  return treeOf(await remoteSnapshot(n.node, n.ssh, undefined, o, roots), roots);
}
