// From a scenario's workload (probe and ledger kinds naming plan endpoints) to
// the concrete specs the probe and ledger factories take. Targets come only from
// the plan's endpoints, never from free text in the scenario: what a drill
// touches is what the plan declares.
import { parseDuration, type PlanT, type ServiceT } from "../../stacks/lib/index.ts";
import type { LedgerSpecT, ProbeSpecT, ScenarioT } from "../../scenarios/schema.ts";
import { webMixTargets } from "../load/index.ts";
import { inputError } from "../../core/errors.ts";

const SCHEMES: Record<string, RegExp> = {
  http: /^https?:\/\//,
  postgres: /^postgres(ql)?:\/\//,
  redis: /^(redis-sentinel|rediss?):\/\//,
  tcp: /^[^:/\s]+:\d+$/,
};

function endpointFor(plan: PlanT, service: ServiceT, kind: string, name: string | undefined, where: string): string {
  const all = { ...Object.fromEntries(service.failoverTargets.flatMap((t) => Object.entries(t.endpoints))), ...service.endpoints };
  if (name !== undefined) {
    const value = all[name];
    if (value === undefined) throw inputError(`${where}.endpoint: "${name}" is not an endpoint of service "${service.name}" (declared: ${Object.keys(all).join(", ") || "none"})`, { field: `${where}.endpoint` });
    return value;
  }
  const fit = Object.values(service.endpoints).find((v) => SCHEMES[kind]?.test(v)) ?? Object.values(all).find((v) => SCHEMES[kind]?.test(v));
  if (!fit) throw inputError(`${where}: service "${service.name}" declares no endpoint a ${kind} client can use; name one with "endpoint"`);
  void plan;
  return fit;
}

/** "redis-sentinel://h1:p1,h2:p2/name" → the Sentinel form both factories take. */
function sentinelTarget(url: string): { sentinels: { host: string; port: number }[]; name: string } | undefined {
  const m = /^redis-sentinel:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!m) return undefined;
  const sentinels = m[1]!.split(",").map((hp) => {
    const [host, port] = hp.split(":");
    return { host: host!, port: Number(port) };
  });
  return { sentinels, name: decodeURIComponent(m[2]!) };
}

const msOf = (d: string | undefined) => (d === undefined ? undefined : parseDuration(d));

function serviceNamed(plan: PlanT, name: string, where: string): ServiceT {
  const s = plan.services.find((x) => x.name === name);
  if (!s) throw inputError(`${where}.service: "${name}" is not in the plan (services: ${plan.services.map((x) => x.name).join(", ")})`, { field: `${where}.service` });
  return s;
}

export function probeSpecFor(plan: PlanT, defaultService: string, spec: ProbeSpecT, where: string): Record<string, unknown> {
  const service = serviceNamed(plan, spec.service ?? defaultService, where);
  const url = endpointFor(plan, service, spec.kind, spec.endpoint, where);
  const { path, ...params } = spec.params as { path?: string } & Record<string, unknown>;
  let target: unknown = url;
  if (spec.kind === "http") target = new URL(path ?? "/", url).href;
  if (spec.kind === "redis") target = sentinelTarget(url) ?? url;
  return {
    kind: spec.kind,
    name: spec.name ?? `${service.name}-${spec.kind}`,
    target,
    ...(spec.rateHz !== undefined ? { rateHz: spec.rateHz } : {}),
    ...(spec.timeout ? { timeoutMs: msOf(spec.timeout) } : {}),
    ...(spec.latencyBound ? { latencyBoundMs: msOf(spec.latencyBound) } : {}),
    ...(spec.servicePath ? { servicePath: spec.servicePath } : {}),
    ...params,
  };
}

export function ledgerSpecFor(plan: PlanT, defaultService: string, spec: LedgerSpecT, where: string): Record<string, unknown> {
  const service = serviceNamed(plan, spec.service ?? defaultService, where);
  const url = endpointFor(plan, service, spec.kind, spec.endpoint, where);
  const sentinel = spec.kind === "redis" ? sentinelTarget(url) : undefined;
  return {
    kind: spec.kind,
    name: spec.name ?? `${service.name}-ledger`,
    ...(sentinel ? { sentinel } : { target: url }),
    ...(spec.rateHz !== undefined ? { rateHz: spec.rateHz } : {}),
    ...(spec.timeout ? { timeoutMs: msOf(spec.timeout) } : {}),
  };
}

/** A scenario's load, with its targets resolved from the plan's http endpoint. */
export function loadSpecFor(plan: PlanT, defaultService: string, load: NonNullable<ScenarioT["workload"]["load"]>, scenariosDir: string, where: string): Record<string, unknown> {
  const service = serviceNamed(plan, load.service ?? defaultService, where);
  const base = endpointFor(plan, service, "http", load.endpoint, where).replace(/\/+$/, "");
  const targets = load.paths ? load.paths.map((p) => ({ url: `${base}${p.path}`, ...(p.method ? { method: p.method } : {}), ...(p.weight ? { weight: p.weight } : {}), ...(p.body ? { body: p.body } : {}) })) : webMixTargets(base);
  return {
    name: "load",
    rateHz: load.rateHz,
    targets,
    ...(load.maxInFlight ? { maxInFlight: load.maxInFlight } : {}),
    ...(load.k6Script ? { script: `${scenariosDir}/k6/${load.k6Script}` } : {}),
  };
}
