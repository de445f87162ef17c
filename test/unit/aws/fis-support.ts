// Shared pieces of the FIS fault tests: experiments as GetExperiment answers
// them, a fault context that records notes and action events, a fresh state dir.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GetExperimentCommandOutput } from "@aws-sdk/client-fis";
import { manualClock } from "../../../core/clock.ts";
import type { FisFaultContext } from "../../../runners/faults/fis-poll.ts";

/** Wall-clock origin of the test clock: FIS times are given relative to it. */
export const ORIGIN = Date.UTC(2025, 0, 1, 12, 0, 0);

export interface ActionSpec {
  status: string;
  actionId?: string;
  /** ms after ORIGIN */
  start?: number;
  end?: number;
  reason?: string;
}

export function experiment(status: string, actions: Record<string, ActionSpec> = {}, reason?: string): GetExperimentCommandOutput {
  return {
    $metadata: {},
    experiment: {
      id: "EXP1",
      experimentTemplateId: "EXT1",
      state: { status: status as never, ...(reason ? { reason } : {}) },
      actions: Object.fromEntries(
        Object.entries(actions).map(([name, a]) => [name, {
          actionId: a.actionId ?? "aws:rds:failover-db-cluster",
          state: { status: a.status as never, ...(a.reason ? { reason: a.reason } : {}) },
          ...(a.start !== undefined ? { startTime: new Date(ORIGIN + a.start) } : {}),
          ...(a.end !== undefined ? { endTime: new Date(ORIGIN + a.end) } : {}),
        }]),
      ),
    },
  };
}

export interface Recorder {
  ctx: FisFaultContext;
  clock: ReturnType<typeof manualClock>;
  notes: string[];
  actions: { t: number; detail: string }[];
  abort: AbortController;
}

export function recorder(opts: { faultId?: string; withActionHook?: boolean; start?: number } = {}): Recorder {
  const clock = manualClock(opts.start ?? 1_000, ORIGIN);
  const notes: string[] = [];
  const actions: { t: number; detail: string }[] = [];
  const abort = new AbortController();
  const ctx: FisFaultContext = {
    faultId: opts.faultId ?? "drill-1-f0",
    clock,
    signal: abort.signal,
    stateDir: mkdtempSync(join(tmpdir(), "fis-fault-")),
    note: (level, message) => void notes.push(`${level}: ${message}`),
    ...(opts.withActionHook ? { action: (e: { t: number; detail: string }) => void actions.push({ t: e.t, detail: e.detail }) } : {}),
  };
  return { ctx, clock, notes, actions, abort };
}

/** A throttling error as the SDK raises it. */
export function throttled(name = "ThrottlingException"): Error {
  return Object.assign(new Error("Rate exceeded"), { name, $metadata: { httpStatusCode: 400 } });
}

export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, $fault: "client" });
}
