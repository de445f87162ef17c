// The continuity plan: one JSON-serialisable value, validated by this one schema,
// both when a CriticalService is declared and when a plan is loaded from JSON.
// Objects are strict: an unknown key is almost always a typo of a known one.
import { z } from "zod";
import { DURATION_HINT, DURATION_PATTERN } from "../../core/duration.ts";
import { NodeAccess } from "./node-access.ts";

export const PLAN_VERSION = 1;

const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const name = (what: string) =>
  z.string().regex(NAME_PATTERN, { message: `${what} must be lower-case letters, digits and dashes` });

export const Duration = z
  .string()
  .regex(new RegExp(DURATION_PATTERN), { message: `expected ${DURATION_HINT}` })
  .describe(`A duration: ${DURATION_HINT}.`);

export const Objectives = z
  .strictObject({
    rto: Duration.optional().describe("Recovery time objective: longest acceptable client-observed outage."),
    rpo: Duration.optional().describe("Recovery point objective: longest window of acknowledged writes that may be lost (0s: none)."),
    mtpd: Duration.optional().describe("Maximum tolerable period of disruption."),
    minAvailability: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe("Minimum share of requests, in percent, that must succeed while disrupted."),
    exerciseEvery: Duration.optional().describe("How often the continuity arrangements must be exercised."),
  })
  .describe("Recovery objectives of a service.");

export const FailoverTarget = z.strictObject({
  name: name("a failover target name"),
  kind: z.enum(["replica", "standby", "instance", "zone", "region"]),
  mechanism: z.enum(["automatic", "manual"]),
  via: z.string().min(1).optional().describe("What performs the failover: pg_auto_failover, redis-sentinel, haproxy, aurora, …"),
  replication: z.enum(["synchronous", "asynchronous", "none"]).optional(),
  rpo: Duration.optional().describe("A data-loss objective specific to this target, when it differs from the service's."),
  primary: z.string().min(1).describe("The node that serves when nothing has failed."),
  standbys: z.array(z.string().min(1)).describe("Nodes that take over."),
  endpoints: z.record(z.string(), z.string()).default({}).describe("Node or role name → address."),
  nodes: z.record(z.string(), NodeAccess).optional().describe("Target self-managed: node name → how to read its role and find its processes."),
});

export const Dependency = z.strictObject({
  service: name("a service name"),
  kind: z.enum(["hard", "soft"]),
  degradedMode: z.string().min(1).optional().describe("How the service keeps serving while this dependency is down."),
});

export const LIKELIHOODS = ["rare", "unlikely", "possible", "likely", "almost-certain"] as const;
export const IMPACTS = ["negligible", "minor", "moderate", "major", "severe"] as const;

export const Hazard = z.strictObject({
  id: name("a hazard id"),
  title: z.string().min(1),
  likelihood: z.enum(LIKELIHOODS),
  impact: z.enum(IMPACTS),
});

export const RunbookStep = z.strictObject({
  step: z.string().min(1),
  role: z.string().min(1).optional(),
  automated: z.boolean(),
  target: Duration.optional().describe("How long this step should take at most."),
});

export const Service = z.strictObject({
  name: name("a service name"),
  tier: z.number().int().min(1).max(4).describe("1 is most critical."),
  owner: z.string().min(1),
  description: z.string().default(""),
  objectives: Objectives,
  endpoints: z.record(z.string(), z.string()).default({}).describe("How clients reach the service: role → URL."),
  failoverTargets: z.array(FailoverTarget).default([]),
  dependsOn: z.array(Dependency).default([]),
  hazards: z.array(Hazard).default([]),
  runbook: z.array(RunbookStep).default([]),
});

export const Plan = z.strictObject({
  version: z.literal(PLAN_VERSION),
  project: z.string().min(1),
  stack: z.string().min(1),
  /** Where drills run: `local` our embedded stack on this machine, `self-managed` a system the user runs, `aws` AWS FIS. */
  target: z.enum(["local", "self-managed", "aws"]).describe("local: the embedded stack continuity-drill starts and heals on this machine; self-managed: a system you run yourself (nothing of ours is started or healed; roles are read live); aws: AWS, faults through FIS"),
  region: z.string().optional(),
  services: z.array(Service).min(1, { message: "a plan declares at least one service" }),
});

// The types are written out in types.ts (zod-free, for the published .d.ts);
// test/unit/stacks/public-types.test.ts proves they are what these schemas parse to.
export type {
  ObjectivesT, FailoverTargetT, DependencyT, HazardT, RunbookStepT, ServiceT, ServiceInput, PlanT,
  FailoverTargetInput, DependencyInput, RunbookStepInput, ObjectivesInput, HazardInput,
} from "./types.ts";
