// ssh.process.kill — a node on another host dies: SIGKILL (by default) of every
// process of the node there, each root with all its descendants, each PID
// signalled only while its start time is the recorded one (remote ssh-procs.ts).
// Like process.kill, nothing to heal on the process: restore waits for the
// system's own HA software (or service manager) to bring the node back.
import { z } from "zod";
import { remoteSnapshot, signalRemote, stillThere, type RemotePid } from "../systems/ssh-procs.ts";
import type { FaultKind } from "./fault.ts";
import { osOf } from "./os-real.ts";
import { pinRemoteRoots, remoteNode, remoteTree, remoteVia, type RemoteNode } from "./ssh-node.ts";

export const SshProcessKillParams = z.strictObject({ signal: z.enum(["SIGKILL", "SIGTERM", "SIGQUIT"]).default("SIGKILL") });

type State = RemoteNode & { [key: string]: unknown; roots: RemotePid[]; signal: string };

/** How long the roots may take to be gone after the signal, on the drill's clock. */
const GONE_WITHIN_MS = 3_000;

export const sshProcessKill: FaultKind<z.infer<typeof SshProcessKillParams>, State> = {
  kind: "ssh.process.kill",
  description: "Kill every process of a node on a host reached over SSH (default SIGKILL)",
  params: SshProcessKillParams,
  targets: ["node"],
  async prepare(params, target, ctx) {
    const n = await remoteNode("ssh.process.kill", target, ctx);
    return { ...n, roots: await pinRemoteRoots(n, remoteVia(ctx)), signal: params.signal };
  },
  async inject(state, ctx) {
    const via = remoteVia(ctx);
    const sent = await signalRemote(state.node, state.ssh, state.signal, await remoteTree(state, state.roots, via), via);
    ctx.note("info", `${state.signal} sent on ${state.ssh.host} to pids ${sent.join(", ") || "none (already gone)"}`);
  },
  async check(state, ctx) {
    const deadline = ctx.clock.now() + GONE_WITHIN_MS;
    for (;;) {
      const snap = await remoteSnapshot(state.node, state.ssh, undefined, remoteVia(ctx), state.roots);
      const left = state.roots.filter((r) => stillThere(snap, r));
      if (left.length === 0) return { confirmed: true, detail: `every root of ${state.node} on ${state.ssh.host} is gone (pids ${state.roots.map((r) => r.pid).join(", ")})` };
      if (ctx.clock.now() >= deadline || ctx.signal.aborted) return { confirmed: false, detail: `pids ${left.map((r) => r.pid).join(", ")} still run on ${state.ssh.host} 3 s after ${state.signal}` };
      await osOf(ctx).timers.sleep(100, ctx.signal);
    }
  },
  async heal() {
    // A killed process stays dead; the restore phase waits for the node to come back.
  },
  describe: (s) => `${s.signal} ${s.node} on ${s.ssh.host} (pids ${s.roots.map((r) => r.pid).join(", ")} and their trees)`,
};
