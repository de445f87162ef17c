// process.kill — a node dies: SIGKILL of its process (for a pg_auto_failover
// node, the whole pg_autoctl process group: keeper and postgres together, as a
// crashed host would lose them). Nothing to heal on the process itself: bringing
// the node back is restoring redundancy (`drill env heal`), a separate phase.
import { z } from "zod";
import type { FaultKind } from "./fault.ts";
import { pinNode, signalPinned, stillSame, waitFor, type PinnedProcess } from "./process-identity.ts";

export const Params = z.strictObject({
  signal: z.enum(["SIGKILL", "SIGTERM", "SIGQUIT"]).default("SIGKILL"),
  group: z.boolean().default(true),
});

type State = PinnedProcess & { signal: NodeJS.Signals };

export const processKill: FaultKind<z.infer<typeof Params>, State> = {
  kind: "process.kill",
  description: "Kill a node's process (default SIGKILL of its process group)",
  params: Params,
  targets: ["node"],
  async plan(params, target, ctx) {
    if (target.kind !== "node") throw new Error("process.kill needs a node target");
    return { ...(await pinNode(target.node, params.group, ctx)), signal: params.signal };
  },
  async inject(state) {
    signalPinned(state, state.signal);
  },
  async check(state, ctx) {
    const gone = await waitFor(() => !stillSame(state), 3_000, ctx.signal);
    return { confirmed: gone, detail: gone ? `pid ${state.pid}${state.roots ? " and every root of the node" : ""} gone` : `pid ${state.pid} still runs 3 s after ${state.signal}` };
  },
  async heal() {
    // A killed process stays dead; the restore phase brings the node back.
  },
  describe: (s) => `${s.signal} ${s.node} (${s.roots ? `pids ${s.roots.map((r) => r.pid).join(", ")} and their trees` : `pid ${s.pid}${s.group ? `, process group ${s.pgid}` : ""}`})`,
};
