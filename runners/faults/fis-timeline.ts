// An experiment's actions as a timeline: when each started and ended, by FIS's
// clock, and what changed between two polls. t0 of a FIS drill is the start of
// its first fault action — not when StartExperiment returned, which can be a
// minute earlier while FIS resolves targets.
import type { Experiment } from "@aws-sdk/client-fis";
import type { Clock } from "../../core/clock.ts";

export interface FisAction {
  name: string;
  actionId: string;
  status: string;
  reason?: string;
  /** Wall-clock ms (FIS's clock). */
  startWallMs?: number;
  endWallMs?: number;
}

export interface ActionEvent {
  action: FisAction;
  event: "started" | "ended";
  wallMs: number;
}

/** Actions that only wait or assert; they do not hurt anything, so they do not start the fault. */
const NOT_FAULTS = new Set(["aws:fis:wait", "aws:cloudwatch:assert-alarm-state"]);
const STARTED = new Set(["running", "completed", "stopping", "stopped", "failed"]);

export function actionsOf(experiment: Experiment | undefined): FisAction[] {
  return Object.entries(experiment?.actions ?? {})
    .map(([name, a]) => ({
      name,
      actionId: a.actionId ?? "unknown",
      status: a.state?.status ?? "unknown",
      ...(a.state?.reason ? { reason: a.state.reason } : {}),
      ...(a.startTime ? { startWallMs: a.startTime.getTime() } : {}),
      ...(a.endTime ? { endWallMs: a.endTime.getTime() } : {}),
    }))
    .sort((x, y) => (x.startWallMs ?? Infinity) - (y.startWallMs ?? Infinity) || x.name.localeCompare(y.name));
}

/** Starts and ends seen in `after` that `before` did not have yet. */
export function actionEvents(before: readonly FisAction[], after: readonly FisAction[]): ActionEvent[] {
  const prior = new Map(before.map((a) => [a.name, a]));
  const events: ActionEvent[] = [];
  for (const a of after) {
    const was = prior.get(a.name);
    if (a.startWallMs !== undefined && was?.startWallMs === undefined) events.push({ action: a, event: "started", wallMs: a.startWallMs });
    if (a.endWallMs !== undefined && was?.endWallMs === undefined) events.push({ action: a, event: "ended", wallMs: a.endWallMs });
  }
  return events.sort((x, y) => x.wallMs - y.wallMs);
}

/**
 * Two polls may answer out of order (check and heal poll side by side): what
 * was once seen — a start, an end — is kept, so no event is reported twice.
 */
export function mergeActions(before: readonly FisAction[], after: readonly FisAction[]): FisAction[] {
  const prior = new Map(before.map((a) => [a.name, a]));
  return after.map((a) => {
    const was = prior.get(a.name);
    if (!was) return a;
    const stale = was.endWallMs !== undefined && a.endWallMs === undefined;
    return { ...(stale ? was : a), startWallMs: a.startWallMs ?? was.startWallMs, endWallMs: a.endWallMs ?? was.endWallMs };
  });
}

/** Wall-clock start of the first fault action that has started, if any. */
export function faultStartWallMs(actions: readonly FisAction[]): number | undefined {
  const starts = actions.filter((a) => !NOT_FAULTS.has(a.actionId) && a.startWallMs !== undefined && STARTED.has(a.status)).map((a) => a.startWallMs!);
  return starts.length ? Math.min(...starts) : undefined;
}

/**
 * FIS's wall time on the drill's monotonic clock. FIS's clock and ours differ by
 * some skew, so the result is clamped to [notBefore, now]: the fault cannot have
 * started before we asked for it, nor after we saw it running.
 */
export function onClock(wallMs: number, clock: Clock, notBefore: number): number {
  return Math.min(clock.now(), Math.max(notBefore, wallMs - clock.originWallMs));
}

export function describeEvent(e: ActionEvent): string {
  const reason = e.action.reason ? `: ${e.action.reason}` : "";
  return `FIS action ${e.action.name} (${e.action.actionId}) ${e.event} at ${new Date(e.wallMs).toISOString()} [${e.action.status}${reason}]`;
}
