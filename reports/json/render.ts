// DrillModel → the JSON result (result-schema.ts), redacted as a whole: every
// string in it, keys included, passes through the one redaction function.
import { markers, type DrillModel } from "../model/drill-model.ts";
import { exerciseView } from "../model/exercise.ts";
import { identityView } from "../model/identity.ts";
import { redactDeep } from "../safe/redact.ts";
import { RESULT_VERSION, type DrillResultT, type ResultT } from "./result-schema.ts";

const wall = (d: DrillModel, t: number | undefined) => (t === undefined ? undefined : new Date(d.started.clockOriginWallMs + t).toISOString());

export function drillResult(d: DrillModel): DrillResultT {
  const s = d.started;
  const m = markers(d);
  return {
    journal: { file: d.file, sha256: d.sha256, bytes: d.bytes, records: d.records, formatVersion: s.version, ...(d.tornLine ? { tornLine: d.tornLine } : {}) },
    drillId: s.drillId,
    identity: identityView(s),
    scenario: s.scenario,
    plan: s.plan,
    hazard: { id: s.scenario.hazard, title: d.hazard.title, likelihood: d.hazard.likelihood, impact: d.hazard.impact },
    outcome: d.outcome,
    reason: d.reason,
    ranBy: s.host,
    tool: s.tool,
    load: s.load,
    repeat: s.repeat,
    objectivesMs: s.objectivesMs,
    context: d.context,
    faults: s.faults,
    timing: {
      startedAt: s.startedAt,
      endedAt: d.summary?.endedAt,
      durationMs: d.summary?.durationMs,
      clockOriginWallMs: s.clockOriginWallMs,
      t0: d.t0,
      t0At: wall(d, d.t0),
      firstDisruptedAt: m.firstDisrupted,
      recoveredAt: m.recovered,
      recoveredAtWall: wall(d, m.recovered),
      rtoDeadline: m.rtoDeadline,
      faultWindows: d.faultWindows,
    },
    faultEvents: d.faultEvents.map((e) => ({ t: e.t, fault: e.fault, kind: e.kind, event: e.event, detail: e.detail })),
    counts: d.counts,
    exercise: exerciseView(d),
    ...(d.followup ? { followup: d.followup } : {}),
    summary: d.summary ?? null,
  };
}

export function renderJson(drills: readonly DrillModel[], renderer: { name: string; version: string }): string {
  const results = drills.map(drillResult);
  const n = (o: string) => results.filter((r) => r.outcome === o).length;
  const result: ResultT = {
    format: "continuity-drill/result",
    version: RESULT_VERSION,
    renderer,
    totals: { drills: results.length, passed: n("passed"), failed: n("failed"), other: results.length - n("passed") - n("failed") },
    drills: results,
  };
  // JSON.stringify drops undefined fields, which the schema allows as absent.
  return `${JSON.stringify(redactDeep(result), null, 2)}\n`;
}
