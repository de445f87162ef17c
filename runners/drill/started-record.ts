// The journal's first record: what is about to be drilled, against which plan,
// with which workload and faults, by whom and where.
import { hostname, userInfo } from "node:os";
import type { DrillStartedT, ExerciseT } from "../../journal/format.ts";
import { JOURNAL_VERSION } from "../../journal/format.ts";
import type { DrillOptions } from "./run-drill.ts";
import type { PreparedDrill } from "./prepare.ts";
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
    exercise: exerciseRecord(d, o.gameday?.participants ?? o.participants),
    ...(d.steps.length ? { steps: d.steps.map((st) => ({ id: st.id, text: st.text, ...(st.role ? { role: st.role } : {}), at: st.at, timeLimitMs: st.timeLimitMs, ...(st.targetMs !== undefined ? { targetMs: st.targetMs } : {}) })) } : {}),
  };
}

/** Objective names as verdicts and waivers name them. */
const OBJECTIVE_OF = { rto: "rto", rpo: "rpo", mtpd: "mtpd", minAvailability: "availability" } as const;

/**
 * Who took part (default: the OS user, as operator) and what this drill sets
 * out to exercise, from the scenario and the plan: the objectives it judges
 * (waived ones apart, with why) and the runbook it follows.
 */
export function exerciseRecord(d: PreparedDrill, participants?: { name: string; role?: string }[]): ExerciseT {
  const waive = (d.scenario as { waive?: Record<string, string | undefined> }).waive ?? {};
  const declared = (Object.keys(OBJECTIVE_OF) as (keyof typeof OBJECTIVE_OF)[]).filter((k) => d.objectivesMs[k] !== undefined).map((k) => OBJECTIVE_OF[k]);
  const waived = Object.fromEntries(Object.entries(waive).filter((e): e is [string, string] => typeof e[1] === "string"));
  const purpose = d.scenario.description || `Prove ${d.service.name} recovers from ${d.hazard.title} within its objectives`;
  return {
    participants: participants?.length ? participants : [{ name: userInfo().username, role: "operator" }],
    scope: {
      service: d.service.name, hazard: d.hazard.id, purpose,
      objectives: declared.filter((k) => waived[k] === undefined),
      ...(Object.keys(waived).length ? { waived } : {}),
      procedure: d.service.runbook.map((r) => `${r.step}${r.role ? ` (${r.role})` : ""}${r.automated ? "" : " [manual]"}`),
    },
  };
}

/** `--participant alice:dba,bob` → [{ name: "alice", role: "dba" }, { name: "bob" }]. */
export function parseParticipants(list: string): { name: string; role?: string }[] {
  return list.split(",").map((p) => p.trim()).filter(Boolean).map((p) => {
    const [name, role] = p.split(":").map((x) => x.trim());
    return { name: name || "unnamed", ...(role ? { role } : {}) };
  });
}
