// Digests that bind a journal to what it exercised. Written by the runner into
// the first record and recomputed by readiness from the current plan, so both
// sides must compute them here, the same way: SHA-256 (lowercase hex) of
// canonical JSON — object keys sorted at every depth, no whitespace, values
// that JSON cannot hold (undefined) left out as JSON.stringify does.
import { createHash } from "node:crypto";
import type { IdentityT } from "./format.ts";

export const sha256 = (text: string | Uint8Array): string => createHash("sha256").update(text).digest("hex");

/** JSON with object keys sorted at every depth: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

export const digestOf = (value: unknown): string => sha256(canonicalJson(value) ?? "null");

/** The parts of a service entry a drill's evidence depends on. */
export const SERVICE_PARTS = ["objectives", "failoverTargets", "dependsOn", "runbook", "hazards"] as const;
export type ServicePart = (typeof SERVICE_PARTS)[number];

/** How people name each part when it changed. */
export const PART_WORDS: Record<ServicePart, string> = {
  objectives: "objectives", failoverTargets: "failover targets", dependsOn: "dependencies", runbook: "runbook", hazards: "hazards",
};

/**
 * Failover targets without their addresses: a plan evaluated under mocks and
 * the same plan read from a deployed stack differ in addresses only, and that
 * is not a change of the continuity arrangement. Addresses are the endpoints
 * and, for a self-managed node, where it is reached (`url`, `ssh`); how its
 * role is read (protocol) and which processes are the node stay in.
 */
function partValue(service: Record<string, unknown>, part: ServicePart): unknown {
  const v = service[part] ?? (part === "objectives" ? {} : []);
  if (part !== "failoverTargets" || !Array.isArray(v)) return v;
  return v.map((t) => {
    if (!t || typeof t !== "object") return t;
    const { endpoints: _endpoints, nodes, ...rest } = t as Record<string, unknown>;
    if (!nodes || typeof nodes !== "object") return rest;
    const arrangement = Object.fromEntries(Object.entries(nodes as Record<string, Record<string, unknown>>).map(([name, n]) => [name, { protocol: n?.protocol, process: n?.process }]));
    return { ...rest, nodes: arrangement };
  });
}

/** Per-part digests and the service digest over them (a service entry from the plan or a journal). */
export function serviceDigests(service: Record<string, unknown>): Pick<IdentityT, "serviceDigest" | "serviceParts"> {
  const parts = Object.fromEntries(SERVICE_PARTS.map((p) => [p, digestOf(partValue(service, p))])) as IdentityT["serviceParts"];
  return { serviceDigest: digestOf(parts), serviceParts: parts };
}

/** The parts whose digests differ, in SERVICE_PARTS order. */
export function changedParts(then: IdentityT["serviceParts"], now: IdentityT["serviceParts"]): ServicePart[] {
  return SERVICE_PARTS.filter((p) => then[p] !== now[p]);
}
