// The JSON result format, version 1: what `drill report --format json` writes and
// what other tools may consume. The journal's summary as it is, plus what reports
// derive — plan context, timing on the wall clock, the journal's hash. Documented
// here (zod), published as reports/json/result-schema.json (write-schema.ts).
import { z } from "zod";
import { Followup } from "../../journal/followup.ts";
import { DrillStarted, Exercise, FaultEvent, Outcome, Summary } from "../../journal/format.ts";

export const RESULT_VERSION = 1;

const FaultWindow = z.object({
  fault: z.number().int(),
  kind: z.string(),
  from: z.number().describe("Drill-clock ms when the fault took effect."),
  to: z.number().optional().describe("Drill-clock ms when it was healed; absent when never healed."),
  healFailed: z.boolean(),
});

const Context = z.object({
  tier: z.number().optional(),
  owner: z.string().optional(),
  description: z.string().optional(),
  failoverTargets: z.array(z.object({ name: z.string(), kind: z.string().optional(), mechanism: z.string().optional(), via: z.string().optional(), replication: z.string().optional(), primary: z.string().optional(), standbys: z.array(z.string()) })),
  dependsOn: z.array(z.object({ service: z.string(), kind: z.string().optional(), degradedMode: z.string().optional() })),
  runbook: z.array(z.object({ step: z.string(), role: z.string().optional(), automated: z.boolean().optional(), target: z.string().optional() })),
}).describe("The service's plan entry as it was when the drill ran.");

export const DrillResult = z.object({
  journal: z.object({
    file: z.string().describe("The journal's path as given to the renderer."),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the journal file: the evidence this result was rendered from."),
    bytes: z.number().int(),
    records: z.number().int(),
    formatVersion: z.number().int().describe("The journal's format version (1: before identity; 2: identity in the first record)."),
    tornLine: z.number().int().optional().describe("A torn final line (the writer was killed mid-line) that was left out."),
  }),
  drillId: z.string(),
  identity: z.object({
    project: z.string(), stack: z.string(), target: z.string(),
    planDigest: z.string(), serviceDigest: z.string(), scenarioDigest: z.string(),
    source: z.string().describe("The program's git commit, with \" (dirty)\" for uncommitted changes; \"not in a git tree\"; \"unknown\" for journals before identity."),
    tool: z.string(), host: z.string(), runId: z.string(), drillId: z.string(), journalVersion: z.number().int(),
  }).describe("What the drill exercised; digests are SHA-256 of canonical JSON, \"unknown\" where the journal predates them."),
  scenario: DrillStarted.shape.scenario,
  plan: DrillStarted.shape.plan,
  hazard: z.object({ id: z.string(), title: z.string().optional(), likelihood: z.string().optional(), impact: z.string().optional() }),
  outcome: Outcome.describe("The summary's outcome; interrupted when the journal has no summary."),
  reason: z.string().optional(),
  ranBy: DrillStarted.shape.host,
  tool: DrillStarted.shape.tool,
  load: DrillStarted.shape.load,
  repeat: DrillStarted.shape.repeat,
  objectivesMs: DrillStarted.shape.objectivesMs,
  context: Context,
  faults: DrillStarted.shape.faults,
  timing: z.object({
    startedAt: z.string(),
    endedAt: z.string().optional(),
    durationMs: z.number().optional(),
    clockOriginWallMs: z.number().describe("Wall time (ms since epoch) of drill-clock 0."),
    t0: z.number().optional().describe("Drill-clock ms when the fault took effect."),
    t0At: z.string().optional().describe("The same instant on the wall clock (ISO 8601, UTC)."),
    firstDisruptedAt: z.number().optional(),
    recoveredAt: z.number().optional(),
    recoveredAtWall: z.string().optional(),
    rtoDeadline: z.number().optional().describe("t0 + the RTO objective, drill-clock ms."),
    faultWindows: z.array(FaultWindow),
  }),
  faultEvents: z.array(FaultEvent.pick({ t: true, fault: true, kind: true, event: true, detail: true })).describe("Fault events in order (targets omitted; see the journal)."),
  counts: z.object({ samples: z.number().int(), writes: z.number().int(), notes: z.number().int(), faultEvents: z.number().int(), phases: z.number().int() }),
  exercise: z.object({
    participants: Exercise.shape.participants,
    participantsRecorded: z.boolean().describe("False for journals before the exercise record: participants are then the host user."),
    scope: Exercise.shape.scope,
    deviations: z.array(z.object({ kind: z.enum(["objective", "fault", "heal", "step", "run"]), text: z.string() })).describe("Missed or unmeasured objectives, unconfirmed or unhealed faults, heal disruption, manual steps over their limit."),
  }).optional().describe("The exercise record: who took part, the scope and purpose, the deviations found."),
  followup: Followup.optional().describe("Reviews and follow-up actions recorded beside the journal, bound to its SHA-256; absent when there are none."),
  summary: Summary.nullable().describe("The journal's summary record as written; null when the journal ends without one."),
});

export const Result = z.object({
  format: z.literal("continuity-drill/result"),
  version: z.literal(RESULT_VERSION),
  renderer: z.object({ name: z.string(), version: z.string() }),
  totals: z.object({ drills: z.number().int(), passed: z.number().int(), failed: z.number().int(), other: z.number().int() }),
  drills: z.array(DrillResult),
});

export type DrillResultT = z.infer<typeof DrillResult>;
export type ResultT = z.infer<typeof Result>;

export function resultJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Result, { target: "draft-2020-12" }),
    $id: "https://continuity-drill.dev/schemas/result-v1.json",
    title: "continuity-drill drill result (version 1)",
    description: "Drill results rendered from journals: each journal's summary plus plan context, wall-clock timing and the journal's SHA-256. Generated from reports/json/result-schema.ts by `npx tsx reports/json/write-schema.ts`.",
  };
}
