// CriticalService: a service's continuity plan entry, declared next to the
// infrastructure it runs on. Args are Inputs so endpoints and node names can
// come from real resources; the resolved entry is validated against the one
// plan schema and exposed as outputs.
import * as pulumi from "@pulumi/pulumi";
import type { DependencyInput, FailoverTargetInput, HazardInput, ObjectivesInput, RunbookStepInput, ServiceT } from "./types.ts";
import { validateService } from "./validate.ts";

type DeepInput<T> = T extends string | number | boolean
  ? pulumi.Input<T>
  : T extends readonly (infer E)[]
    ? pulumi.Input<readonly DeepInput<E>[]>
    : pulumi.Input<{ readonly [K in keyof T]: DeepInput<T[K]> }>;

export interface CriticalServiceArgs {
  readonly tier: pulumi.Input<number>;
  readonly owner: pulumi.Input<string>;
  readonly description?: pulumi.Input<string>;
  readonly objectives: DeepInput<ObjectivesInput>;
  readonly endpoints?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  readonly failoverTargets?: DeepInput<FailoverTargetInput[]>;
  /** Other services: by name, or the CriticalService itself (which also orders resources). */
  readonly dependsOn?: readonly (DeepInput<Omit<DependencyInput, "service">> & { readonly service: string | CriticalService })[];
  readonly hazards?: DeepInput<HazardInput[]>;
  readonly runbook?: DeepInput<RunbookStepInput[]>;
}

export const CRITICAL_SERVICE_TYPE = "continuity-drill:index:CriticalService";

export class CriticalService extends pulumi.ComponentResource {
  /** The validated plan entry of this service. */
  public readonly entry: pulumi.Output<ServiceT>;
  public readonly tier: pulumi.Output<number>;
  public readonly objectives: pulumi.Output<ServiceT["objectives"]>;
  public readonly serviceName: string;

  constructor(name: string, args: CriticalServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const serviceDeps = (args.dependsOn ?? []).map((d) => d.service).filter((s): s is CriticalService => typeof s !== "string");
    super(CRITICAL_SERVICE_TYPE, name, {}, { ...opts, dependsOn: mergeDependsOn(opts?.dependsOn, serviceDeps) });
    this.serviceName = name;
    const dependsOn = (args.dependsOn ?? []).map((d) => ({
      ...d,
      service: typeof d.service === "string" ? d.service : d.service.serviceName,
    }));
    const raw = pulumi.output({ ...args, dependsOn });
    this.entry = raw.apply((value) => validateService({ name, ...value }, `CriticalService "${name}"`));
    this.tier = this.entry.tier;
    this.objectives = this.entry.objectives;
    this.registerOutputs({ entry: this.entry });
  }
}

function mergeDependsOn(
  given: pulumi.ComponentResourceOptions["dependsOn"],
  extra: pulumi.Resource[],
): pulumi.ComponentResourceOptions["dependsOn"] {
  if (extra.length === 0) return given;
  if (given === undefined) return extra;
  if (Array.isArray(given)) return [...given, ...extra];
  if (pulumi.Resource.isInstance(given)) return [given, ...extra];
  // An Output of resources: resolve it, then add ours (Pulumi waits for it before registering).
  const resolved = pulumi.output(given as pulumi.Input<unknown>) as pulumi.Output<unknown>;
  return resolved.apply((g) => [...(Array.isArray(g) ? g : [g]), ...extra] as pulumi.Resource[]) as unknown as pulumi.Input<pulumi.Resource[]>;
}
