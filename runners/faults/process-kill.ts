// process.kill — a node dies: SIGKILL of its process (for a pg_auto_failover
// node, the whole pg_autoctl process group: keeper and postgres together, as a
// crashed host would lose them). Nothing to heal on the process itself: bringing
// the node back is restoring redundancy (`drill env heal`), a separate phase.
import { z } from "zod";
import { faultError, inputError } from "../../core/errors.ts";
import type { FaultKind } from "./fault.ts";
import { osOf } from "./os-real.ts";
import { pinNode, signalNode, stillSame, waitFor, type PinnedProcess } from "./process-identity.ts";

export const ProcessKillParams = z.strictObject({
  signal: z.enum(["SIGKILL", "SIGTERM", "SIGQUIT"]).default("SIGKILL"),
  group: z.boolean().default(true),
});

type State = PinnedProcess & { signal: NodeJS.Signals };

const pids = (s: PinnedProcess) => (s.roots ? `pids ${s.roots.map((r) => r.pid).join(", ")} and their trees` : `pid ${s.pid}${s.group ? `, process group ${s.pgid}` : ""}`);

export const processKill: FaultKind<z.infer<typeof ProcessKillParams>, State> = {
  kind: "process.kill",
  description: "Kill a node's process (default SIGKILL of its process group)",
  params: ProcessKillParams,
  targets: ["node"],
  async prepare(params, target, ctx) {
    if (target.kind !== "node") throw inputError(`process.kill needs a node target, not ${target.kind}`, { fault: ctx.faultId });
    return { ...(await pinNode(target.node, params.group, ctx)), signal: params.signal };
  },
  async inject(state, ctx) {
    // A PID reused by another program (or a node already gone) is never signalled.
    if (!signalNode(state, state.signal, ctx)) {
      throw faultError(`process.kill: pid ${state.pid} of node "${state.node}" is no longer the process that was pinned; nothing was signalled`, { node: state.node, fault: ctx.faultId });
    }
  },
  async check(state, ctx) {
    const os = osOf(ctx);
    const gone = await waitFor(() => !stillSame(state, os.processes), 3_000, { clock: ctx.clock, timers: os.timers, signal: ctx.signal });
    return { confirmed: gone, detail: gone ? `pid ${state.pid}${state.roots ? " and every root of the node" : ""} gone` : `pid ${state.pid} still runs 3 s after ${state.signal}` };
  },
  async heal() {
    // A killed process stays dead; the restore phase brings the node back.
  },
  describe: (s) => `${s.signal} ${s.node} (${pids(s)})`,
};
