// The plan context a drill ran under, read leniently from drill-started.service:
// that record is the service's plan entry *as it was then*, and plan versions
// change over years. Fields that no longer parse are dropped, never fatal —
// a report of old evidence must still render.
import { z } from "zod";

const text = z.string().catch("");
const optText = z.string().optional().catch(undefined);

const Target = z.object({
  name: text,
  kind: optText,
  mechanism: optText,
  via: optText,
  replication: optText,
  primary: optText,
  standbys: z.array(z.string()).catch([]),
});
const Dependency = z.object({ service: text, kind: optText, degradedMode: optText });
const Step = z.object({ step: text, role: optText, automated: z.boolean().optional().catch(undefined), target: optText });

const ServiceEntry = z.object({
  tier: z.number().optional().catch(undefined),
  owner: optText,
  description: optText,
  failoverTargets: z.array(Target.catch({ name: "", standbys: [] })).catch([]),
  dependsOn: z.array(Dependency.catch({ service: "" })).catch([]),
  runbook: z.array(Step.catch({ step: "" })).catch([]),
});

const HazardEntry = z.object({ id: optText, title: optText, likelihood: optText, impact: optText });

export type PlanContext = z.infer<typeof ServiceEntry>;
export type HazardContext = z.infer<typeof HazardEntry>;

export function planContext(service: Record<string, unknown>): PlanContext {
  const parsed = ServiceEntry.safeParse(service);
  return parsed.success ? parsed.data : { failoverTargets: [], dependsOn: [], runbook: [] };
}

export function hazardContext(hazard: Record<string, unknown> | undefined): HazardContext {
  const parsed = HazardEntry.safeParse(hazard ?? {});
  return parsed.success ? parsed.data : {};
}
