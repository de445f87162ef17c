// The journal: the single source of truth of a drill, one JSON record per line,
// streamed to disk while the drill runs. Every report is rendered from journals
// only, so this format is the contract between runners (who write it) and
// reports (who read it) — years later, too. Times `t` are milliseconds on the
// drill's monotonic clock; `clockOriginWallMs` anchors them to wall time.
import { z } from "zod";

/**
 * 2 added `identity` to drill-started (what the drill exercised: digests of the
 * plan, the service entry and the scenario, the program's commit, the run).
 * Version 1 journals stay readable: their identity is unknown, never guessed.
 */
export const JOURNAL_VERSION = 2;
export const READABLE_VERSIONS = [1, 2] as const;

const ms = z.number();
const Percentiles = z.object({ count: z.number().int(), p50: ms, p90: ms, p99: ms, max: ms }).nullable();
export const Outcome = z.enum(["passed", "failed", "inconclusive", "not-started", "interrupted", "error"]);

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: "expected a lowercase hex SHA-256" });

/**
 * What a drill exercised, bound to the journal's first record: digests are the
 * SHA-256 of canonical JSON (keys sorted), see journal/identity.ts.
 * `serviceParts` lets readiness say which part of a service changed since.
 */
export const Identity = z.object({
  /** One per `drill run` invocation: the drills of one run (scenarios × repeats) share it. */
  runId: z.string().min(1),
  planDigest: Sha256,
  serviceDigest: Sha256,
  serviceParts: z.object({ objectives: Sha256, failoverTargets: Sha256, dependsOn: Sha256, runbook: Sha256, hazards: Sha256 }),
  /** SHA-256 of the scenario file's bytes. */
  scenarioDigest: Sha256,
  /** The program's git commit, where it lives in a git tree; dirty: uncommitted changes. */
  source: z.object({ commit: z.string().regex(/^[0-9a-f]{40,64}$/), dirty: z.boolean() }).optional(),
});

/**
 * The exercise record (every drill, not only game days): who ran it and took
 * part, and what it set out to exercise — the service, the hazard, the
 * objectives under test (waived ones apart, with why) and the procedure.
 * Deviations are not here: they are facts of the outcome, derived from the
 * summary and the fault and step records by the reports.
 */
export const Exercise = z.object({
  participants: z.array(z.object({ name: z.string(), role: z.string().optional() })),
  scope: z.object({
    service: z.string(),
    hazard: z.string(),
    /** "Prove <service> recovers from <hazard> within its objectives", or the scenario's own description. */
    purpose: z.string(),
    /** Objectives under test, e.g. ["rto", "rpo"]; waived ones are listed apart. */
    objectives: z.array(z.string()),
    waived: z.record(z.string(), z.string()).optional(),
    /** The procedure exercised: runbook steps of the plan entry (manual ones performed by people on game days). */
    procedure: z.array(z.string()),
  }),
});

export const DrillStarted = z.object({
  type: z.literal("drill-started"),
  version: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
  drillId: z.string(),
  /** Required from version 2 (checked by the readers); absent in version 1 journals. */
  identity: Identity.optional(),
  scenario: z.object({ name: z.string(), file: z.string(), description: z.string(), service: z.string(), hazard: z.string() }),
  plan: z.object({ project: z.string(), stack: z.string(), target: z.string(), origin: z.string() }),
  /** The service's plan entry as it was when the drill ran (objectives, failover targets, runbook …). */
  service: z.record(z.string(), z.unknown()),
  hazard: z.record(z.string(), z.unknown()).optional(),
  objectivesMs: z.object({ rto: ms.optional(), rpo: ms.optional(), mtpd: ms.optional(), minAvailability: z.number().optional(), exerciseEvery: ms.optional() }),
  windowsMs: z.object({ steady: ms, baseline: ms, stableFor: ms, observeTimeout: ms, after: ms, quietFor: ms.optional() }),
  probes: z.array(z.object({ name: z.string(), kind: z.string(), target: z.string(), rateHz: z.number(), timeoutMs: ms, latencyBoundMs: ms })),
  ledgers: z.array(z.object({ name: z.string(), kind: z.string(), target: z.string(), rateHz: z.number(), timeoutMs: ms })),
  faults: z.array(z.object({ kind: z.string(), target: z.unknown(), durationMs: ms.optional(), params: z.record(z.string(), z.unknown()) })),
  startedAt: z.string(),
  clockOriginWallMs: z.number(),
  tool: z.object({ name: z.string(), version: z.string() }),
  host: z.object({ hostname: z.string(), platform: z.string(), node: z.string(), user: z.string() }),
  repeat: z.object({ index: z.number().int(), of: z.number().int() }).optional(),
  load: z.object({ kind: z.enum(["k6", "builtin", "none"]), detail: z.string().optional() }).optional(),
  /** Present on game days: who took part, in which role. */
  gameday: z.object({ participants: z.array(z.object({ name: z.string(), role: z.string().optional() })), rehearsal: z.boolean() }).optional(),
  /** The manual steps planned for this drill (game days). */
  steps: z.array(z.object({ id: z.string(), text: z.string(), role: z.string().optional(), at: z.string(), timeLimitMs: ms, targetMs: ms.optional() })).optional(),
  /** The exercise record; absent in journals written before it. */
  exercise: Exercise.optional(),
});

/** A manual step's progress: shown to the operator, then acknowledged, skipped or timed out. */
export const StepRecord = z.object({
  type: z.literal("step"),
  t: ms,
  step: z.string(),
  event: z.enum(["shown", "acknowledged", "skipped", "timed-out"]),
  by: z.string().optional(),
  note: z.string().optional(),
});

export const Phase = z.object({
  type: z.literal("phase"),
  t: ms,
  phase: z.enum(["preflight", "baseline", "inject", "observe", "heal", "restore", "verify", "judge"]),
  status: z.enum(["started", "ended", "failed", "skipped"]),
  detail: z.string().optional(),
});

export const SampleRecord = z.object({
  type: z.literal("sample"),
  probe: z.string(),
  seq: z.number().int(),
  t: ms,
  /** When the sample was due, if it was sent late (the harness lagged); `t` is when it was really sent. */
  intendedT: ms.optional(),
  ok: z.boolean(),
  latencyMs: ms,
  error: z.string().optional(),
  detail: z.string().optional(),
});

export const WriteRecord = z.object({
  type: z.literal("write"),
  ledger: z.string(),
  seq: z.number().int(),
  t: ms,
  ackAt: ms.optional(),
  error: z.string().optional(),
  /** The write's error class (timeout, refused, wrong-role …): a ledger write is a sample of the write path. */
  errorClass: z.string().optional(),
  /** When a failed (not timed-out) write failed. */
  failedAt: ms.optional(),
});

export const FaultEvent = z.object({
  type: z.literal("fault"),
  t: ms,
  fault: z.number().int(),
  kind: z.string(),
  event: z.enum(["injecting", "injected", "confirmed", "unconfirmed", "healing", "healed", "heal-failed", "action"]),
  /** The concrete thing hit: node, pid, port, experiment id … */
  target: z.record(z.string(), z.unknown()).optional(),
  detail: z.string().optional(),
});

export const ReadBackRecord = z.object({
  type: z.literal("readback"),
  ledger: z.string(),
  t: ms,
  present: z.number().int(),
  corrupted: z.array(z.number().int()),
  source: z.string(),
});

export const Note = z.object({ type: z.literal("note"), t: ms, level: z.enum(["info", "warn", "error"]), message: z.string() });

/** The interval the true RTO lies in, from the samples sent around onset and recovery (ms). */
const Bounds = z.object({ minMs: ms, maxMs: ms });

// Naming (issue 14): in code, `rtoObjectiveMs` is an objective and `measuredRtoMs` a
// measurement. On disk, the summary's `rtoMs` (service, probes[], paths[]) keeps its
// name: there it is only ever a measurement (objectives live in `objectives.rto` and
// verdicts' `target`), and renaming it would need a version bump that makes every
// new journal unreadable to older harnesses and to users' own tools reading the
// JSON result schema — a contract break for a name that is unambiguous in place.
export const ProbeSummary = z.object({
  probe: z.string(),
  /** The path this sampler uses; absent in journals before paths were measured (read). */
  path: z.enum(["read", "write"]).optional(),
  /** A probe, or a ledger writer whose writes are samples of the write path. */
  source: z.enum(["probe", "ledger"]).optional(),
  samples: z.number().int(),
  resolutionMs: ms,
  noDisruption: z.boolean(),
  recovered: z.boolean(),
  firstDisruptedAt: ms.optional(),
  recoveredAt: ms.optional(),
  rtoMs: ms.optional(),
  rtoBounds: Bounds.optional(),
  detectMs: ms.optional(),
  availabilityDuring: z.number().optional(),
  availabilityOverall: z.number(),
  /** Disrupted samples after heal began (failback, rejoin). */
  healFailed: z.number().int().optional(),
  errors: z.record(z.string(), z.number().int()),
  latency: z.object({ before: Percentiles, during: Percentiles, after: Percentiles }),
});

export const LedgerSummary = z.object({
  ledger: z.string(),
  written: z.number().int(),
  acknowledged: z.number().int(),
  unacknowledged: z.number().int(),
  lost: z.number().int(),
  lostSeqs: z.array(z.number().int()),
  lostAfterFault: z.number().int(),
  lostAfterFaultSeqs: z.array(z.number().int()),
  unacknowledgedPresent: z.number().int(),
  corrupted: z.number().int(),
  dataLossWindowMs: ms,
  readBack: z.boolean(),
});

export const Verdict = z.object({
  objective: z.enum(["rto", "rpo", "availability", "lost-after-fault", "corrupted", "mtpd", "heal-disruption"]),
  /** waived: the scenario says this drill does not measure it, and why (the note). Never counted as met. */
  status: z.enum(["met", "missed", "not-measured", "waived"]),
  target: z.number().optional(),
  measured: z.number().optional(),
  unit: z.enum(["ms", "%", "writes"]),
  /** target − measured for "at most" objectives; measured − target for "at least" ones. Positive is good. */
  margin: z.number().optional(),
  /** The measurement's resolution, reported next to it: the width of `bounds` where known. */
  resolutionMs: ms.optional(),
  /** The interval the true value lies in. */
  bounds: Bounds.optional(),
  note: z.string().optional(),
});

/** One path of the service (reads, writes): the worst of its samplers. */
export const PathSummary = z.object({
  path: z.enum(["read", "write"]),
  rtoMs: ms.optional(),
  bounds: Bounds.optional(),
  recovered: z.boolean(),
  noDisruption: z.boolean(),
  decidedBy: z.string().optional(),
});

/** Disruption after heal began — failback, rejoin — measured apart from the RTO. */
export const HealSummary = z.object({
  healAt: ms,
  failedSamples: z.number().int(),
  durationMs: ms.optional(),
  recovered: z.boolean(),
  observedMs: ms.optional(),
  decidedBy: z.string().optional(),
});

export const Summary = z.object({
  type: z.literal("summary"),
  outcome: Outcome,
  reason: z.string().optional(),
  t0: ms.optional(),
  faultConfirmed: z.boolean(),
  service: z.object({
    name: z.string(),
    rtoMs: ms.optional(),
    recovered: z.boolean(),
    noDisruption: z.boolean(),
    detectMs: ms.optional(),
    availabilityDuring: z.number().optional(),
    resolutionMs: ms.optional(),
    rtoBounds: Bounds.optional(),
    /** Per path; absent in journals before paths were measured. */
    paths: z.array(PathSummary).optional(),
    heal: HealSummary.optional(),
    decidedBy: z.string().optional(),
    /** Full redundancy confirmed after restore (by a live check); absent when nothing could confirm it. */
    fullRedundancy: z.boolean().optional(),
    /** From heal's start until full redundancy was confirmed (ms). */
    timeToFullRedundancyMs: ms.optional(),
  }),
  /** The fault's inject window and the onset found in it (docs/design.md "onset"). */
  onset: z.object({ windowStartedAt: ms, windowReturnedAt: ms, t0: ms, lowerBound: ms, seenBy: z.string().optional() }).optional(),
  /** Objectives the scenario waived, with the reason. */
  waivers: z.record(z.string(), z.string()).optional(),
  probes: z.array(ProbeSummary),
  ledgers: z.array(LedgerSummary),
  verdicts: z.array(Verdict),
  durationMs: ms,
  endedAt: z.string(),
  /** Manual steps: how long each took from shown to its end. */
  steps: z.array(z.object({ step: z.string(), outcome: z.enum(["acknowledged", "skipped", "timed-out", "not-reached"]), durationMs: ms.optional(), targetMs: ms.optional(), by: z.string().optional(), note: z.string().optional() })).optional(),
  /** Lessons learned, captured at the end of a game day. */
  lessons: z.array(z.string()).optional(),
});

export const JournalRecord = z.discriminatedUnion("type", [DrillStarted, Phase, SampleRecord, WriteRecord, FaultEvent, ReadBackRecord, Note, StepRecord, Summary]);

export type DrillStartedT = z.infer<typeof DrillStarted>;
export type IdentityT = z.infer<typeof Identity>;
export type ExerciseT = z.infer<typeof Exercise>;
export type PhaseT = z.infer<typeof Phase>;
export type SampleRecordT = z.infer<typeof SampleRecord>;
export type WriteRecordT = z.infer<typeof WriteRecord>;
export type FaultEventT = z.infer<typeof FaultEvent>;
export type ReadBackRecordT = z.infer<typeof ReadBackRecord>;
export type NoteT = z.infer<typeof Note>;
export type StepRecordT = z.infer<typeof StepRecord>;
export type ProbeSummaryT = z.infer<typeof ProbeSummary>;
export type LedgerSummaryT = z.infer<typeof LedgerSummary>;
export type VerdictT = z.infer<typeof Verdict>;
export type PathSummaryT = z.infer<typeof PathSummary>;
export type HealSummaryT = z.infer<typeof HealSummary>;
export type SummaryT = z.infer<typeof Summary>;
export type OutcomeT = z.infer<typeof Outcome>;
export type JournalRecordT = z.infer<typeof JournalRecord>;
