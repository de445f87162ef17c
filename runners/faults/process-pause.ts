// process.pause — a node hangs: SIGSTOP keeps its sockets open but answers
// nothing, the failure mode that timeouts (not connection errors) must catch.
// Heal is SIGCONT, sent only if the PID is still the process that was stopped.
import { z } from "zod";
import { faultError, inputError } from "../../core/errors.ts";
import { isStopped } from "../env/procfs.ts";
import type { FaultKind } from "./fault.ts";
import { osOf } from "./os-real.ts";
import { nodePids, pinNode, signalNode, waitFor, type PinnedProcess } from "./process-identity.ts";

export const ProcessPauseParams = z.strictObject({ group: z.boolean().default(true) });

export const processPause: FaultKind<z.infer<typeof ProcessPauseParams>, PinnedProcess> = {
  kind: "process.pause",
  description: "Pause a node's process with SIGSTOP (a hung node); heal resumes it with SIGCONT",
  params: ProcessPauseParams,
  targets: ["node"],
  async prepare(params, target, ctx) {
    if (target.kind !== "node") throw inputError(`process.pause needs a node target, not ${target.kind}`, { fault: ctx.faultId });
    return pinNode(target.node, params.group, ctx);
  },
  async inject(state, ctx) {
    if (!signalNode(state, "SIGSTOP", ctx)) {
      throw faultError(`process.pause: pid ${state.pid} of node "${state.node}" is no longer the process that was pinned; nothing was stopped`, { node: state.node, fault: ctx.faultId });
    }
  },
  async check(state, ctx) {
    const { processes, timers } = osOf(ctx);
    const pids = nodePids(state, processes);
    const stopped = await waitFor(() => pids.every((pid) => {
      const p = processes.read(pid);
      return p === undefined || isStopped(p);
    }), 2_000, { clock: ctx.clock, timers, signal: ctx.signal });
    return { confirmed: stopped, detail: stopped ? `pid ${state.pid} and its tree are stopped (state T)` : `pid ${state.pid} is not stopped` };
  },
  async heal(state, ctx) {
    // Only the very process that was stopped is resumed: a reused PID is left alone, so healing twice is harmless.
    signalNode(state, "SIGCONT", ctx);
  },
  describe: (s) => `SIGSTOP ${s.node} (${s.roots ? `pids ${s.roots.map((r) => r.pid).join(", ")} and their trees` : `pid ${s.pid}${s.group ? `, process group ${s.pgid}` : ""}`})`,
};
