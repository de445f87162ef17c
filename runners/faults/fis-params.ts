// The fis.experiment fault's own parameters, as plain data. A scenario either
// targets an existing experiment template (from the plan: target
// { endpoint: "fis:<hazard>" }, or its id: { experimentTemplate: "EXT…" }) or,
// with target { none: true }, describes a template inline that the fault
// creates for the drill and deletes again when it heals.
import { z } from "zod";
import { Duration } from "../../stacks/lib/schema.ts";

const Name = z.string().regex(/^[\S]{1,64}$/, { message: "FIS names are 1–64 characters without spaces" });

const InlineAction = z.strictObject({
  actionId: z.string().regex(/^aws:[a-z0-9-]+:[a-z0-9-]+$/, { message: 'expected an action id such as "aws:rds:failover-db-cluster"' }),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.string()).optional(),
  targets: z.record(z.string(), Name).optional(),
  startAfter: z.array(Name).optional(),
});

const InlineTarget = z.strictObject({
  resourceType: z.string().min(1),
  selectionMode: z.string().regex(/^(ALL|COUNT\(\d+\)|PERCENT\(\d+\))$/, { message: 'expected ALL, COUNT(n) or PERCENT(n)' }),
  resourceArns: z.array(z.string().startsWith("arn:")).optional(),
  resourceTags: z.record(z.string(), z.string()).optional(),
  filters: z.array(z.strictObject({ path: z.string().min(1), values: z.array(z.string()).min(1) })).optional(),
  parameters: z.record(z.string(), z.string()).optional(),
});

export const InlineTemplate = z.strictObject({
  description: z.string().min(1),
  roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, { message: "expected an IAM role ARN" }),
  actions: z.record(Name, InlineAction).refine((a) => Object.keys(a).length > 0, { message: "a template has at least one action" }),
  targets: z.record(Name, InlineTarget).default({}),
  /** At least one; `{ source: "none" }` says so explicitly (drill verify's I4 flags that in stacks). */
  stopConditions: z.array(z.strictObject({ source: z.string().min(1), value: z.string().optional() })).min(1, { message: "declare a stop condition (a CloudWatch alarm), or { source: \"none\" } explicitly" }),
});

export const FisParams = z.strictObject({
  /** Default: the plan's region when the engine passes it, else the SDK's chain (AWS_REGION, profile). */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'expected a region such as "eu-west-1"' }).optional(),
  /**
   * The FIS API's URL (http or https), e.g. a VPC endpoint or a local stand-in.
   * Default: AWS_ENDPOINT_URL_FIS, else AWS_ENDPOINT_URL, else AWS's regional endpoint.
   */
  endpoint: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as "http://127.0.0.1:5000"' }).optional(),
  pollInterval: Duration.default("2s"),
  /** How long FIS may take to start the first fault action (initiating can take a minute). */
  startTimeout: Duration.default("5m"),
  /** How long heal waits for a stopped experiment to finish rolling its actions back. */
  stopTimeout: Duration.default("5m"),
  /** How long check follows the experiment before giving up on seeing it end. */
  maxDuration: Duration.default("1h"),
  template: InlineTemplate.optional(),
});

export type FisParamsT = z.infer<typeof FisParams>;
export type InlineTemplateT = z.infer<typeof InlineTemplate>;
