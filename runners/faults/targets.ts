// Faults hit only what the plan declares. A target names a node of one of the
// service's failover targets, an endpoint of a service, or a role ("whoever is
// primary when the fault is injected", resolved live); anything else is refused.
import type { PlanT, ServiceT } from "../../stacks/lib/index.ts";
import type { FaultTargetT } from "../../scenarios/schema.ts";
import { environmentError, inputError } from "../../core/errors.ts";

export type ResolvedTarget =
  | { kind: "node"; service: string; node: string; address?: string; role?: string }
  | { kind: "endpoint"; service: string; endpoint: string; address: string }
  | { kind: "experiment"; template: string }
  | { kind: "none" };

/** Who holds which role right now, e.g. from `drill env status` or the cloud's API. */
export interface RoleSource {
  roles(service: string): Promise<{ node: string; role: "primary" | "standby" | "other"; address?: string }[]>;
}

export function declaredNodes(service: ServiceT): Map<string, string | undefined> {
  const nodes = new Map<string, string | undefined>();
  for (const t of service.failoverTargets) {
    for (const n of [t.primary, ...t.standbys]) nodes.set(n, t.endpoints[n]);
  }
  return nodes;
}

function serviceOf(plan: PlanT, name: string, where: string): ServiceT {
  const s = plan.services.find((x) => x.name === name);
  if (!s) throw inputError(`${where}: service "${name}" is not in the plan (services: ${plan.services.map((x) => x.name).join(", ")})`, { field: where });
  return s;
}

/** Static check, before anything is touched: the names exist in the plan. */
export function checkTarget(plan: PlanT, serviceName: string, target: FaultTargetT, where: string): void {
  const service = serviceOf(plan, ("service" in target && target.service) || serviceName, `${where}.target.service`);
  if ("node" in target && !declaredNodes(service).has(target.node)) {
    throw inputError(`${where}.target.node: "${target.node}" is not a node of service "${service.name}" (declared: ${[...declaredNodes(service).keys()].join(", ") || "none"})`, { field: `${where}.target.node`, node: target.node });
  }
  if ("endpoint" in target) {
    const owner = serviceOf(plan, target.service ?? serviceName, `${where}.target.service`);
    if (!endpointAddress(owner, target.endpoint)) {
      const known = [...Object.keys(owner.endpoints), ...owner.failoverTargets.flatMap((t) => Object.keys(t.endpoints))];
      throw inputError(`${where}.target.endpoint: "${target.endpoint}" is not an endpoint of service "${owner.name}" (declared: ${known.join(", ") || "none"})`, { field: `${where}.target.endpoint` });
    }
  }
  if ("role" in target && target.failoverTarget && !service.failoverTargets.some((t) => t.name === target.failoverTarget)) {
    throw inputError(`${where}.target.failoverTarget: "${target.failoverTarget}" is not a failover target of "${service.name}"`, { field: `${where}.target.failoverTarget` });
  }
}

function endpointAddress(service: ServiceT, name: string): string | undefined {
  return service.endpoints[name] ?? service.failoverTargets.map((t) => t.endpoints[name]).find((a) => a !== undefined);
}

/** Resolve at inject time; roles are asked of `roles` so "primary" means the primary now. */
export async function resolveTarget(plan: PlanT, serviceName: string, target: FaultTargetT, roles: RoleSource | undefined): Promise<ResolvedTarget> {
  const service = serviceOf(plan, ("service" in target && target.service) || serviceName, "fault target");
  if ("none" in target) return { kind: "none" };
  if ("experimentTemplate" in target) return { kind: "experiment", template: target.experimentTemplate };
  if ("node" in target) return { kind: "node", service: service.name, node: target.node, address: declaredNodes(service).get(target.node) };
  if ("endpoint" in target) {
    const owner = serviceOf(plan, target.service ?? serviceName, "fault target");
    return { kind: "endpoint", service: owner.name, endpoint: target.endpoint, address: endpointAddress(owner, target.endpoint)! };
  }
  const declared = declaredNodes(service);
  const live = roles ? (await roles.roles(service.name)).filter((m) => declared.has(m.node)) : [];
  const holder = live.find((m) => m.role === target.role);
  if (holder) return { kind: "node", service: service.name, node: holder.node, address: holder.address ?? declared.get(holder.node), role: target.role };
  if (roles) throw environmentError(`no node of "${service.name}" is ${target.role} right now (members: ${live.map((m) => `${m.node}=${m.role}`).join(", ") || "none seen"})`);
  const ft = service.failoverTargets.find((t) => !target.failoverTarget || t.name === target.failoverTarget);
  const node = target.role === "primary" ? ft?.primary : ft?.standbys[0];
  if (!node) throw inputError(`service "${service.name}" declares no ${target.role} node`);
  return { kind: "node", service: service.name, node, address: declared.get(node), role: target.role };
}
