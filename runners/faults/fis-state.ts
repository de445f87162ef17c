// What heal needs to stop an experiment, from any process. The experiment id is
// only known after StartExperiment, that is after the fault journal was first
// written; so it is written again at once. Should the runner die between the
// two, the experiment still carries the fault's id as a tag, and heal finds it.
import { ListExperimentsCommand, type FisClient } from "@aws-sdk/client-fis";
import { activeFaults, recordFault } from "./fault-journal.ts";
import type { FaultContext } from "./fault.ts";
import type { FisAction } from "./fis-timeline.ts";
import { fisCall } from "./fis-client.ts";

export const FAULT_TAG = "continuity-drill:fault";

export interface FisState {
  [key: string]: unknown;
  faultId: string;
  region: string;
  /** The FIS endpoint the fault was started against, when not AWS's own: heal must call the same one. */
  endpoint?: string;
  /** Idempotency token of StartExperiment: a retried start returns the same experiment. */
  clientToken: string;
  templateId?: string;
  /** Set when the fault created the template (inline params): heal deletes it. */
  createdTemplateId?: string;
  inline?: Record<string, unknown>;
  experimentId?: string;
  actions?: FisAction[];
  /** t0 on the drill's clock: the start of the first fault action. */
  effectiveAt?: number;
  /** Heal asked FIS to stop: a "stopped" experiment is then ours, not a failure. */
  healRequested?: boolean;
  pollMs: number;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  maxDurationMs: number;
}

/** Re-record the fault journal entry with the state as it is now (best effort, said so when it fails). */
export function persistState(ctx: FaultContext, state: FisState): void {
  try {
    const entry = activeFaults(ctx.stateDir).find((f) => f.id === ctx.faultId);
    if (entry) recordFault(ctx.stateDir, { ...entry, state });
  } catch (error) {
    ctx.note("warn", `fis.experiment: could not record experiment ${state.experimentId} in the fault journal (${(error as Error).message}); drill recover will find it by its tag`);
  }
}

/** Our experiment for this fault, by tag: newest first, a bounded number of pages. */
export async function findExperimentByTag(client: FisClient, faultId: string, signal?: AbortSignal): Promise<string | undefined> {
  let nextToken: string | undefined;
  for (let page = 0; page < 20; page++) {
    const out = await fisCall("FIS ListExperiments", () => client.send(new ListExperimentsCommand({ maxResults: 100, nextToken }), { abortSignal: signal }), { fault: faultId });
    const mine = (out.experiments ?? []).filter((e) => e.tags?.[FAULT_TAG] === faultId);
    mine.sort((a, b) => (b.creationTime?.getTime() ?? 0) - (a.creationTime?.getTime() ?? 0));
    if (mine[0]?.id) return mine[0].id;
    nextToken = out.nextToken;
    if (!nextToken) return undefined;
  }
  return undefined;
}
