// A journal reduced to what readiness needs; only the header and the summary are read.
import type { Journal } from "../../journal/read.ts";
import type { ReadinessDrill } from "./types.ts";

export function drillRef(j: Journal): ReadinessDrill {
  const s = j.started;
  const sum = j.summary;
  const ledgers = sum?.ledgers ?? [];
  return {
    file: j.file,
    drillId: s.drillId,
    scenario: s.scenario.name,
    service: s.scenario.service,
    hazard: s.scenario.hazard,
    outcome: sum?.outcome ?? "interrupted",
    startedAt: s.startedAt,
    measuredRtoMs: sum?.service.recovered ? sum.service.rtoMs : undefined,
    dataLossMs: ledgers.length ? Math.max(...ledgers.map((l) => l.dataLossWindowMs)) : undefined,
    lostAfterFault: ledgers.length ? ledgers.reduce((n, l) => n + l.lostAfterFault, 0) : undefined,
    missed: sum?.verdicts.filter((v) => v.status === "missed") ?? [],
    notMeasured: sum?.verdicts.filter((v) => v.status === "not-measured").map((v) => v.objective) ?? [],
    identity: s.identity
      ? { runId: s.identity.runId, planDigest: s.identity.planDigest, serviceDigest: s.identity.serviceDigest, ...(s.identity.source ? { sourceCommit: s.identity.source.commit, sourceDirty: s.identity.source.dirty } : {}) }
      : "unknown",
  };
}

/** Passed or failed: the fault was injected and the objectives judged. Anything else is no evidence either way. */
export const isExercise = (d: ReadinessDrill): boolean => d.outcome === "passed" || d.outcome === "failed";

export const byDate = (a: ReadinessDrill, b: ReadinessDrill): number => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.drillId.localeCompare(b.drillId);
