// The shape of a drill scenario: one service, one hazard, the faults that
// simulate it, the workload that watches it, and the windows of the drill.
// Validated as a whole before anything is touched; unknown keys are rejected.
// Names (service, hazard, nodes, endpoints) are checked against the plan by the
// runner, which knows it.
import { z } from "zod";
import { Duration } from "../stacks/lib/schema.ts";
import { ledgerKinds, probeKinds } from "./kinds.ts";
import type { FaultKindName, FaultParamsByKind } from "./fault-params.ts";

/**
 * Which node a fault hits: a node the plan declares, or whoever holds a role when
 * the fault is injected. `service` (default: the scenario's) names whose node —
 * a dependency's, to see its failure through the scenario's service.
 */
export const FaultTarget = z.union([
  z.strictObject({ node: z.string().min(1), service: z.string().optional() }),
  z.strictObject({ role: z.enum(["primary", "standby"]), service: z.string().optional(), failoverTarget: z.string().optional() }),
  z.strictObject({ endpoint: z.string().min(1), service: z.string().optional() }),
  z.strictObject({ experimentTemplate: z.string().min(1) }),
  z.strictObject({ none: z.literal(true) }),
]);

/** The envelope every fault shares; `params` belong to the fault kind and are checked by it. */
export const FaultSpec = z.strictObject({
  kind: z.string().min(1),
  target: FaultTarget.default({ role: "primary" }),
  /** Heal automatically after this long; without it the fault lasts until the service recovered. */
  duration: Duration.optional(),
  params: z.record(z.string(), z.unknown()).default({}),
});

/** What every client of a scenario (probe, ledger writer) shares. */
const clientEnvelope = {
  name: z.string().min(1).optional(),
  /** Whose endpoint to use (default: the scenario's service) and which of its endpoints. */
  service: z.string().optional(),
  endpoint: z.string().optional(),
  /** Requests (or writes) per second, sent open loop; at most 1000. */
  rateHz: z.number().positive().max(1000).optional(),
  /** How long one request may take before it counts as a timeout: a duration ("1s"). */
  timeout: Duration.optional(),
};

export const ProbeSpec = z.strictObject({
  kind: z.enum(probeKinds),
  ...clientEnvelope,
  /** Latency above this is a disrupted sample: a duration ("500ms"). */
  latencyBound: Duration.optional(),
  /**
   * The path of the service this probe samples: "read" (a read, a health check)
   * or "write". The service's measured RTO is the worst of its paths; ledger
   * writers sample the write path. Default: "write" for an HTTP POST or a Redis
   * SET probe, otherwise "read".
   */
  servicePath: z.enum(["read", "write"]).optional(),
  /**
   * Per kind. postgres: `query`, `readOnly` (default false: a standby's answer is
   * a disrupted sample). redis: `op` (ping|get|set), `key`, `readOnly`. http:
   * `path`, `method`, `expectStatus`, `expectBody`, `headers`. tcp: `send`, `expect`.
   */
  params: z.record(z.string(), z.unknown()).default({}),
});

export const LedgerSpec = z.strictObject({
  kind: z.enum(ledgerKinds),
  ...clientEnvelope,
});

/**
 * A manual step of a game day: an operator performs it by hand while the harness
 * watches the service and the clock. Taken from the service's runbook (by index)
 * or written here; acknowledged at the terminal or with `drill ack`.
 */
export const ManualStep = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "a step id is lower-case letters, digits and dashes" }).optional(),
  /** Index (from 0) of the service's runbook step this is. */
  runbook: z.number().int().min(0).optional(),
  text: z.string().min(1).optional(),
  role: z.string().min(1).optional(),
  /** before-inject: part of the preparation; after-inject: part of the recovery (counted in RTO). */
  at: z.enum(["before-inject", "after-inject"]).default("after-inject"),
  timeLimit: Duration.default("10m"),
  /** What a rehearsal (`--auto-ack`) runs in the operator's place, as an argument array. */
  rehearse: z.array(z.string()).min(1).optional(),
});

export const Windows = z.strictObject({
  /** How long every probe must be healthy before anything is injected. */
  steady: Duration.default("3s"),
  /** Normal behaviour recorded before the fault. */
  baseline: Duration.default("5s"),
  /** A probe counts as recovered once it has been healthy this long. */
  stableFor: Duration.default("3s"),
  /** Give up observing after this long (default: 3 × the service's RTO, at least 30 s). */
  observeTimeout: Duration.optional(),
  /**
   * A service that shows no disruption at all this long after t0 is concluded
   * undisrupted (default: the RTO, at most 30 s, at least stableFor). A
   * disruption that began later would miss the RTO anyway.
   */
  quietFor: Duration.optional(),
  /** Keep measuring this long after recovery, for "after" latency. */
  after: Duration.default("2s"),
});

export const Scenario = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  description: z.string().default(""),
  service: z.string().min(1),
  hazard: z.string().min(1),
  faults: z.array(FaultSpec).default([]),
  steps: z.array(ManualStep).default([]),
  workload: z.strictObject({
    probes: z.array(ProbeSpec).min(1, { message: "a scenario watches the service with at least one probe" }),
    ledgers: z.array(LedgerSpec).default([]),
    /**
     * Load beside the probes: k6 (scenarios/k6/<script>) when it is installed, else
     * the built-in open-loop generator with the same shape. Targets come from the
     * plan: the service's http endpoint, with `paths` or the web mix by default.
     */
    load: z.strictObject({
      k6Script: z.string().regex(/^[\w.-]+\.m?js$/, { message: "a k6 script name in scenarios/k6/, e.g. web-mix.js" }).optional(),
      rateHz: z.number().positive().max(10_000),
      maxInFlight: z.number().int().min(1).max(10_000).optional(),
      service: z.string().optional(),
      endpoint: z.string().optional(),
      paths: z.array(z.strictObject({ path: z.string().startsWith("/"), method: z.enum(["GET", "POST", "PUT"]).optional(), weight: z.number().positive().optional(), body: z.string().optional() })).min(1).optional(),
    }).optional(),
  }),
  windows: Windows.default({ steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" }),
  /** Restore full redundancy (env heal) after the drill; default true on the local stack. */
  restoreRedundancy: z.boolean().default(true),
  /**
   * Objectives this drill does not measure, each with the reason (e.g. `rpo: "no
   * ledger on a read-only dependency path"`). A waived objective is shown as
   * waived, never as met; an objective neither measured nor waived makes the
   * drill inconclusive.
   */
  waive: z.strictObject({
    rto: z.string().min(1).optional(),
    mtpd: z.string().min(1).optional(),
    rpo: z.string().min(1).optional(),
    availability: z.string().min(1).optional(),
    healDisruption: z.string().min(1).optional(),
  }).default({}),
  /** Longest tolerated disruption after heal (failback, rejoin); default: the service's RTO. */
  healDisruption: Duration.optional(),
}).refine((s) => s.faults.length > 0 || s.steps.some((st) => st.at === "after-inject"), {
  message: "a scenario injects at least one fault, or (a game day) has a manual step after inject",
  path: ["faults"],
});

export type FaultTargetT = z.infer<typeof FaultTarget>;
export type FaultSpecT = z.infer<typeof FaultSpec>;
export type ProbeSpecT = z.infer<typeof ProbeSpec>;
export type LedgerSpecT = z.infer<typeof LedgerSpec>;
export type ScenarioT = z.infer<typeof Scenario>;
export type ManualStepT = z.infer<typeof ManualStep>;
export type ScenarioInput = z.input<typeof Scenario>;

/**
 * One fault as a scenario author writes it: the shared envelope (target, duration)
 * with `kind` naming a registered fault kind and `params` typed by that kind
 * (scenarios/fault-params.ts), a union discriminated on `kind`.
 */
export type TypedFaultSpec = {
  [K in FaultKindName]: Omit<z.input<typeof FaultSpec>, "kind" | "params"> & { kind: K } & ({} extends FaultParamsByKind[K] ? { params?: FaultParamsByKind[K] } : { params: FaultParamsByKind[K] });
}[FaultKindName];

/** A scenario as authored with defineScenario: ScenarioInput with each fault typed by its kind. */
export type TypedScenarioInput = Omit<ScenarioInput, "faults"> & { faults?: TypedFaultSpec[] };
