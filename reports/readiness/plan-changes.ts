// What changed in a service since a drill exercised it: the journal's identity
// holds a digest per part of the service entry (objectives, failover targets,
// dependencies, runbook, hazards); the entry itself, recorded beside it, lets
// the finding say how (e.g. "rto 30s → 1s", "orders-db-standby.replication
// synchronous → asynchronous").
import type { ServiceT } from "../../stacks/lib/schema.ts";
import type { IdentityT } from "../../journal/format.ts";
import { canonicalJson, changedParts, PART_WORDS, serviceDigests, type ServicePart } from "../../journal/identity.ts";

export interface ServiceChange {
  part: ServicePart;
  /** e.g. ["rto 30s → 1s"]; empty when the recorded entry cannot say more. */
  details: string[];
}

/**
 * The parts of `now` that differ from what the drill exercised; empty when
 * unchanged. The hazard list is recorded but does not make evidence stale: a
 * hazard added to the register is R1 (never exercised), and the drill of an
 * existing one still shows what it showed.
 */
export function serviceChanges(then: IdentityT, recorded: Record<string, unknown>, now: ServiceT): ServiceChange[] {
  const current = serviceDigests(now as unknown as Record<string, unknown>);
  if (current.serviceDigest === then.serviceDigest) return [];
  return changedParts(then.serviceParts, current.serviceParts).filter((part) => part !== "hazards").map((part) => ({ part, details: details(part, recorded[part], (now as unknown as Record<string, unknown>)[part]) }));
}

export const changeText = (changes: readonly ServiceChange[]): string =>
  changes.map((c) => `${PART_WORDS[c.part]}${c.details.length ? ` (${c.details.slice(0, 4).join("; ")}${c.details.length > 4 ? "; …" : ""})` : ""}`).join(", ");

const show = (v: unknown) => (v === undefined ? "none" : typeof v === "string" ? v : canonicalJson(v));

/** Field by field for objects; by name (or service, id) for lists of entries. */
function details(part: ServicePart, then: unknown, now: unknown): string[] {
  if (part === "objectives") return fields("", then, now);
  if (!Array.isArray(then) || !Array.isArray(now)) return [];
  const key = (e: unknown) => String((e as Record<string, unknown>)?.name ?? (e as Record<string, unknown>)?.service ?? (e as Record<string, unknown>)?.id ?? "");
  if (part === "runbook") return then.length === now.length ? [] : [`${then.length} → ${now.length} steps`];
  const out: string[] = [];
  const before = new Map(then.map((e) => [key(e), e]));
  const after = new Map(now.map((e) => [key(e), e]));
  for (const [k, e] of after) out.push(...(before.has(k) ? fields(`${k}.`, before.get(k), e) : [`${k} added`]));
  for (const k of before.keys()) if (!after.has(k)) out.push(`${k} removed`);
  return out;
}

function fields(prefix: string, then: unknown, now: unknown): string[] {
  const a = (then ?? {}) as Record<string, unknown>;
  const b = (now ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== "endpoints" && canonicalJson(a[k]) !== canonicalJson(b[k]))
    .map((k) => `${prefix}${k} ${show(a[k])} → ${show(b[k])}`);
}
