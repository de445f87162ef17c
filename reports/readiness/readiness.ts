// readiness(plan, journals, now): the services × hazards matrix with the last
// result of each, its freshness against the service's exerciseEvery, the trend of
// measured RTO and data loss per service, and the gaps (see gaps.ts).
import { parseDuration } from "../../core/duration.ts";
import type { PlanT, ServiceT } from "../../stacks/lib/schema.ts";
import { selectEvidence, type EvidenceSet } from "../../journal/evidence-set.ts";
import type { Journal } from "../../journal/read.ts";
import { byDate, drillRef, isExercise } from "./drill-ref.ts";
import { findGaps, ignoredGaps } from "./gaps.ts";
import { serviceChanges } from "./plan-changes.ts";
import type { ReadinessDrill, Readiness, ReadinessCell, ServiceRow } from "./types.ts";

const ms = (d: string | undefined) => (d === undefined ? undefined : parseDuration(d));

import { training, trainingGaps } from "./training.ts";
import { followupGaps, followupRows, type FollowupEntry } from "./followups.ts";

/**
 * `evidence`: journals, or a set read by readEvidence (with the unreadable ones).
 * Only evidence of this plan's project and stack counts, each drill once, none
 * stamped in the future (journal/evidence-set.ts); the rest is listed
 * in `ignored` with its reason and becomes a gap (R9, R10).
 */
export function readiness(plan: PlanT, evidence: readonly Journal[] | EvidenceSet, now: Date, followups: ReadonlyMap<string, FollowupEntry> = new Map()): Readiness {
  const set = selectEvidence("journals" in evidence ? evidence : { journals: [...evidence], ignored: [] }, { now, plan: { project: plan.project, stack: plan.stack } });
  const journals = set.journals;
  const refs = journals.map((j) => withChanges(plan, j)).sort(byDate);
  const services = plan.services.map((s) => serviceRow(s, refs, now));
  const planned = new Set(plan.services.flatMap((s) => s.hazards.map((h) => `${s.name}\u0000${h.id}`)));
  const unplanned = refs.filter((r) => !planned.has(`${r.service}\u0000${r.hazard}`));
  const hazards = new Map<string, string>();
  for (const s of plan.services) for (const h of s.hazards) if (!hazards.has(h.id)) hazards.set(h.id, h.title);
  const trend = Object.fromEntries(plan.services.map((s) => [s.name, refs.filter((r) => r.service === s.name && isExercise(r))]));
  const result: Readiness = {
    plan: { project: plan.project, stack: plan.stack, target: plan.target },
    asOf: now.toISOString(),
    hazards: [...hazards.entries()].map(([id, title]) => ({ id, title })),
    services,
    trend,
    gaps: [],
    unplanned,
    training: [],
    followups: followupRows(refs, followups, now),
    drills: refs.length,
    ignored: set.ignored,
  };
  const every = (name: string) => services.find((x) => x.name === name)?.exerciseEveryMs;
  result.training = training(plan, journals, now, every);
  for (const c of services.flatMap((s) => s.cells)) {
    const open = result.followups.find((f) => f.drill === c.lastExercise)?.open.length;
    if (open) c.openActions = open;
  }
  result.gaps = [...findGaps(plan, result), ...trainingGaps(result.training, every), ...ignoredGaps(set.ignored), ...followupGaps(result.followups)];
  return result;
}

function serviceRow(s: ServiceT, refs: readonly ReadinessDrill[], now: Date): ServiceRow {
  const every = ms(s.objectives.exerciseEvery);
  return {
    name: s.name,
    tier: s.tier,
    owner: s.owner,
    rtoObjectiveMs: ms(s.objectives.rto),
    rpoMs: ms(s.objectives.rpo),
    exerciseEveryMs: every,
    cells: s.hazards.map((h) => cell(s.name, h.id, refs.filter((r) => r.service === s.name && r.hazard === h.id), every, now)),
  };
}

/** `refs` are sorted oldest first. */
function cell(service: string, hazard: string, refs: readonly ReadinessDrill[], every: number | undefined, now: Date): ReadinessCell {
  const last = refs[refs.length - 1];
  const lastExercise = refs.filter(isExercise).pop();
  if (!lastExercise) return { service, hazard, freshness: "never", last };
  const due = every === undefined ? undefined : Date.parse(lastExercise.startedAt) + every;
  const changed = lastExercise.changedSince?.length ? lastExercise.changedSince : undefined;
  return {
    service,
    hazard,
    freshness: !changed && (due === undefined || due >= now.getTime()) ? "fresh" : "stale",
    last,
    lastExercise,
    dueAt: due === undefined ? undefined : new Date(due).toISOString(),
    ...(changed ? { changed } : {}),
  };
}

/** A drill and how its service changed in the plan since; a version 1 journal cannot tell (identity unknown). */
function withChanges(plan: PlanT, j: Journal): ReadinessDrill {
  const ref = drillRef(j);
  const now = plan.services.find((s) => s.name === ref.service);
  if (!now || !j.started.identity) return ref;
  const changes = serviceChanges(j.started.identity, j.started.service, now);
  return changes.length ? { ...ref, changedSince: changes } : ref;
}
