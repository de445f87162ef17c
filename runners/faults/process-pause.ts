// process.pause — a node hangs: SIGSTOP keeps its sockets open but answers
// nothing, the failure mode that timeouts (not connection errors) must catch.
// Heal is SIGCONT, sent only if the PID is still the process that was stopped.
import { z } from "zod";
import { readProc, isStopped } from "../env/procfs.ts";
import type { FaultKind } from "./fault.ts";
import { nodePids, pinNode, signalPinned, waitFor, type PinnedProcess } from "./process-identity.ts";

export const Params = z.strictObject({ group: z.boolean().default(true) });

export const processPause: FaultKind<z.infer<typeof Params>, PinnedProcess> = {
  kind: "process.pause",
  description: "Pause a node's process with SIGSTOP (a hung node); heal resumes it with SIGCONT",
  params: Params,
  targets: ["node"],
  async plan(params, target, ctx) {
    if (target.kind !== "node") throw new Error("process.pause needs a node target");
    return pinNode(target.node, params.group, ctx);
  },
  async inject(state) {
    signalPinned(state, "SIGSTOP");
  },
  async check(state, ctx) {
    const pids = nodePids(state);
    const stopped = await waitFor(() => pids.every((pid) => {
      const p = readProc(pid);
      return p === undefined || isStopped(p);
    }), 2_000, ctx.signal);
    return { confirmed: stopped, detail: stopped ? `pid ${state.pid} and its tree are stopped (state T)` : `pid ${state.pid} is not stopped` };
  },
  async heal(state) {
    signalPinned(state, "SIGCONT");
  },
  describe: (s) => `SIGSTOP ${s.node} (${s.roots ? `pids ${s.roots.map((r) => r.pid).join(", ")} and their trees` : `pid ${s.pid}${s.group ? `, process group ${s.pgid}` : ""}`})`,
};
