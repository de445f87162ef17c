// The exercise schedule of a plan: for every service × hazard, how often it
// must be exercised, when it last was (from the evidence, when given) and when
// it is next due. Shared by the plan document's HTML and Markdown, and by
// `drill run --due` to say why a scenario is due.
import { humanMs, parseDuration } from "../../core/duration.ts";
import type { PlanT } from "../../stacks/lib/schema.ts";
import type { Readiness } from "./types.ts";

export interface ScheduleRow {
  service: string;
  hazard: string;
  /** "90d" as declared, or undefined when the plan sets no interval. */
  every?: string;
  everyMs?: number;
  /** ISO instant of the last exercise (passed or failed), when evidence was given and has one. */
  lastExercised?: string;
  lastOutcome?: string;
  /** ISO instant the evidence goes stale; "now" when never exercised or stale already. */
  dueAt?: string;
  /** Why it is due now, or undefined when it is not (or no evidence was given). */
  dueBecause?: string;
}

export function scheduleRows(plan: PlanT, r?: Readiness): ScheduleRow[] {
  return plan.services.flatMap((s) => s.hazards.map((h) => {
    const every = s.objectives.exerciseEvery;
    const everyMs = every === undefined ? undefined : parseDuration(every);
    const row: ScheduleRow = { service: s.name, hazard: h.id, ...(every ? { every, everyMs } : {}) };
    const c = r?.services.find((x) => x.name === s.name)?.cells.find((x) => x.hazard === h.id);
    if (!r || !c) return row;
    const ex = c.lastExercise;
    if (ex) Object.assign(row, { lastExercised: ex.startedAt, lastOutcome: ex.outcome });
    if (c.dueAt) row.dueAt = c.dueAt;
    if (c.freshness === "never") row.dueBecause = c.last ? `never exercised (latest attempt ${c.last.outcome})` : "never exercised";
    else if (c.changed?.length) row.dueBecause = `the plan changed since ${ex!.startedAt.slice(0, 10)} (${c.changed.map((x) => x.part).join(", ")})`;
    else if (c.freshness === "stale") row.dueBecause = `last exercised ${ex!.startedAt.slice(0, 10)}, older than ${everyMs === undefined ? "its interval" : humanMs(everyMs)}`;
    return row;
  }));
}
