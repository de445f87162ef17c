// Following a running experiment: GetExperiment every poll interval until a
// condition holds or a deadline passes, reporting every action start and end
// as it is seen. Inject and check give up when the drill is interrupted; heal
// passes no signal, because heal must finish even after Ctrl-C.
import { GetExperimentCommand, type Experiment, type FisClient } from "@aws-sdk/client-fis";
import { DrillError, faultError } from "../../core/errors.ts";
import type { FaultContext } from "./fault.ts";
import { fisCall } from "./fis-client.ts";
import type { FisState } from "./fis-state.ts";
import { actionEvents, actionsOf, describeEvent, mergeActions, onClock } from "./fis-timeline.ts";
import { sleep } from "../../core/sleep.ts";

/**
 * A richer hook than `note`, which the engine may add to FaultContext: one
 * journal "action" fault event per FIS action start/end, at the time FIS gives.
 */
export type ActionHook = (event: { t: number; detail: string; target?: Record<string, unknown> }) => void;

export type FisFaultContext = FaultContext & { action?: ActionHook };

export const TERMINAL = new Set(["completed", "stopped", "failed", "cancelled"]);
export const statusOf = (e: Experiment | undefined) => e?.state?.status ?? "unknown";
export const reasonOf = (e: Experiment | undefined) => e?.state?.reason ?? "no reason given";

/** The experiment as FIS has it now; undefined when FIS no longer knows it. Throws DrillError "fault" (where: fault). */
export async function getExperiment(client: FisClient, id: string, signal?: AbortSignal, fault?: string): Promise<Experiment | undefined> {
  const where = fault ? { fault } : {};
  try {
    return (await fisCall(`FIS GetExperiment ${id}`, () => client.send(new GetExperimentCommand({ id }), { abortSignal: signal }), where)).experiment;
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return undefined;
    if ((error as { kind?: string }).kind === "fault") throw error;
    throw faultError(`FIS GetExperiment ${id}: ${(error as Error).message}`, where, error);
  }
}

/** Record the actions FIS reports and announce what changed since the last poll. */
export function recordActions(state: FisState, experiment: Experiment | undefined, ctx: FisFaultContext, notBefore: number): void {
  const before = state.actions ?? [];
  const after = mergeActions(before, actionsOf(experiment));
  for (const e of actionEvents(before, after)) {
    const detail = describeEvent(e);
    if (ctx.action) ctx.action({ t: onClock(e.wallMs, ctx.clock, notBefore), detail, target: { experiment: state.experimentId, action: e.action.name, actionId: e.action.actionId } });
    else ctx.note("info", detail);
  }
  state.actions = after;
}

export interface FollowOptions {
  until: (e: Experiment | undefined) => boolean;
  timeoutMs: number;
  what: string;
  signal?: AbortSignal;
  notBefore: number;
}

/** Poll until `until` holds; throws a DrillError naming the experiment and its status: "fault" on timeout, "interrupted" on abort. */
export async function follow(client: FisClient, state: FisState, ctx: FisFaultContext, o: FollowOptions): Promise<Experiment | undefined> {
  const id = state.experimentId!;
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const experiment = await getExperiment(client, id, o.signal, state.faultId);
    recordActions(state, experiment, ctx, o.notBefore);
    if (o.until(experiment)) return experiment;
    if (o.signal?.aborted) throw new DrillError("interrupted", `${o.what}: interrupted while FIS experiment ${id} was ${statusOf(experiment)}`, { fault: state.faultId });
    if (Date.now() >= deadline) throw faultError(`${o.what}: FIS experiment ${id} is still ${statusOf(experiment)} after ${Math.round(o.timeoutMs / 1000)} s`, { fault: state.faultId });
    await sleep(state.pollMs, o.signal);
  }
}
