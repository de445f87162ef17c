// The whole plan as one stack output: `export const continuityPlan = declarePlan([...services], { target })`.
import * as pulumi from "@pulumi/pulumi";
import type { CriticalService } from "./critical-service.ts";
import { PLAN_VERSION } from "./schema.ts";
import type { PlanT } from "./types.ts";
import { validatePlan } from "./validate.ts";

export interface PlanMeta {
  /** `local`: our embedded stack; `self-managed`: a system you run yourself; `aws`: AWS with FIS. */
  readonly target: PlanT["target"];
  readonly region?: pulumi.Input<string>;
}

export function declarePlan(services: readonly CriticalService[], meta: PlanMeta): pulumi.Output<PlanT> {
  const project = pulumi.getProject();
  const stack = pulumi.getStack();
  return pulumi.all([pulumi.all(services.map((s) => s.entry)), pulumi.output(meta.region)]).apply(([entries, region]) =>
    validatePlan(
      { version: PLAN_VERSION, project, stack, target: meta.target, ...(region ? { region } : {}), services: entries },
      `stack ${project}/${stack}`,
    ),
  );
}
