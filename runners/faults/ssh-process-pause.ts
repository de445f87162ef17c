// ssh.process.pause — a node on another host hangs: SIGSTOP of every process
// of the node there (roots and descendants, by identity), SIGCONT to heal. The
// heal works from the recorded roots alone, so `drill recover` resumes them
// from another process after the runner was killed; resuming twice is harmless.
import { z } from "zod";
import { remoteSnapshot, signalRemote, treeOf, type RemotePid } from "../systems/ssh-procs.ts";
import type { FaultKind } from "./fault.ts";
import { pinRemoteRoots, remoteNode, remoteTree, remoteVia, type RemoteNode } from "./ssh-node.ts";

export const SshProcessPauseParams = z.strictObject({});

type State = RemoteNode & { [key: string]: unknown; roots: RemotePid[] };

export const sshProcessPause: FaultKind<z.infer<typeof SshProcessPauseParams>, State> = {
  kind: "ssh.process.pause",
  description: "Stop (SIGSTOP) every process of a node on a host reached over SSH; SIGCONT heals",
  params: SshProcessPauseParams,
  targets: ["node"],
  async prepare(_params, target, ctx) {
    const n = await remoteNode("ssh.process.pause", target, ctx);
    return { ...n, roots: await pinRemoteRoots(n, remoteVia(ctx)) };
  },
  async inject(state, ctx) {
    const via = remoteVia(ctx);
    const sent = await signalRemote(state.node, state.ssh, "SIGSTOP", await remoteTree(state, state.roots, via), via);
    ctx.note("info", `SIGSTOP sent on ${state.ssh.host} to pids ${sent.join(", ") || "none (gone)"}`);
  },
  async check(state, ctx) {
    const snap = await remoteSnapshot(state.node, state.ssh, undefined, remoteVia(ctx), state.roots);
    const tree = treeOf(snap, state.roots);
    const running = tree.filter((p) => snap.procs.get(p.pid)?.state !== "T");
    const stopped = tree.length > 0 && running.length === 0;
    return { confirmed: stopped, detail: stopped ? `${tree.length} process(es) of ${state.node} on ${state.ssh.host} are stopped (state T)` : `not stopped on ${state.ssh.host}: pids ${running.map((p) => p.pid).join(", ") || "(no process left)"}` };
  },
  async heal(state, ctx) {
    // Not abortable: a heal must run to its end even while the run is being stopped.
    const via = remoteVia(ctx, false);
    await signalRemote(state.node, state.ssh, "SIGCONT", await remoteTree(state, state.roots, via), via);
  },
  describe: (s) => `SIGSTOP ${s.node} on ${s.ssh.host} (pids ${s.roots.map((r) => r.pid).join(", ")} and their trees)`,
};
