// The journal's first record: what is about to be drilled, against which plan,
// with which workload and faults, by whom and where.
import { hostname, userInfo } from "node:os";
import type { DrillStartedT } from "../../journal/format.ts";
import { JOURNAL_VERSION } from "../../journal/format.ts";
import type { DrillOptions } from "./run-drill.ts";
import type { Workload } from "./workload.ts";
import { drillIdentity, newRunId } from "./run-identity.ts";

export function startedRecord(o: DrillOptions, w: Workload): DrillStartedT {
  const d = o.drill;
  return {
    type: "drill-started",
    version: JOURNAL_VERSION,
    drillId: o.drillId,
    // A drill run outside a session (tests, the API) is a run of its own.
    identity: drillIdentity(d, o.run ?? { runId: newRunId() }),
    scenario: { name: d.name, file: d.file, description: d.scenario.description, service: d.service.name, hazard: d.hazard.id },
    plan: { project: d.plan.project, stack: d.plan.stack, target: d.plan.target, origin: d.planOrigin },
    service: d.service as unknown as Record<string, unknown>,
    hazard: d.hazard as unknown as Record<string, unknown>,
    objectivesMs: d.objectivesMs,
    windowsMs: d.windowsMs,
    probes: [...w.probes.map((p) => p.info), ...(w.load ? [w.load.info] : [])],
    ledgers: w.ledgers.map((l) => l.info),
    faults: d.faults.map((f) => ({ kind: f.spec.kind, target: f.spec.target, ...(f.durationMs !== undefined ? { durationMs: f.durationMs } : {}), params: f.spec.params })),
    startedAt: new Date(o.clock.originWallMs).toISOString(),
    clockOriginWallMs: o.clock.originWallMs,
    tool: o.tool,
    host: { hostname: hostname(), platform: `${process.platform} ${process.arch}`, node: process.version, user: userInfo().username },
    ...(o.repeat ? { repeat: o.repeat } : {}),
    load: w.load ? { kind: w.load.which, detail: w.load.why } : { kind: "none" },
    ...(o.gameday ? { gameday: { participants: o.gameday.participants, rehearsal: o.gameday.autoAckMs !== undefined } } : {}),
    ...(d.steps.length ? { steps: d.steps.map((st) => ({ id: st.id, text: st.text, ...(st.role ? { role: st.role } : {}), at: st.at, timeLimitMs: st.timeLimitMs, ...(st.targetMs !== undefined ? { targetMs: st.targetMs } : {}) })) } : {}),
  };
}
