// Fault kinds by name. A scenario names a kind; its params are validated by
// that kind's own schema before anything is touched.
//
// FAULT_KINDS is the typed list of the current kinds, each with its `kind`
// literal and its `params` zod schema (the scenario author's typed view of them
// is scenarios/fault-params.ts, checked against this list by a type test).
// Old spellings (net.latency, net.partition via proxy) are looked up too, so
// old scenarios and fault-journal records keep working, but are not in it.
import type { z } from "zod";
import { problemsOf } from "../../stacks/lib/issues.ts";
import { inputError } from "../../core/errors.ts";
import { commandFault } from "./command.ts";
import type { FaultKind } from "./fault.ts";
import { fisExperiment } from "./fis-experiment.ts";
import { netLatencyLegacy, netPartitionCompat } from "./legacy-spellings.ts";
import { netPartition } from "./net-partition.ts";
import { netProxy } from "./net-proxy.ts";
import { processKill } from "./process-kill.ts";
import { processPause } from "./process-pause.ts";
import { sshCommand } from "./ssh-command.ts";
import { sshProcessKill } from "./ssh-process-kill.ts";
import { sshProcessPause } from "./ssh-process-pause.ts";

/** The current fault kinds, in the order help lists them. */
export const FAULT_KINDS = [processKill, processPause, netPartition, netProxy, commandFault, fisExperiment, sshProcessKill, sshProcessPause, sshCommand] as const;


/** Each current kind's name and params schema, for generating the scenario schema's union. */
export const faultParamsSchemas = (): { kind: string; params: z.ZodType }[] => FAULT_KINDS.map((k) => ({ kind: k.kind, params: k.params }));

type AnyKind = FaultKind<unknown, Record<string, unknown>>;
const KINDS = new Map<string, AnyKind>();

export function registerFault<P, S extends Record<string, unknown>>(kind: FaultKind<P, S>): void {
  KINDS.set(kind.kind, kind as unknown as AnyKind);
}

for (const k of [...FAULT_KINDS, netPartitionCompat, netLatencyLegacy]) registerFault(k as unknown as AnyKind);

/** Every name a scenario may use, old spellings included. */
export function faultKinds(): string[] {
  return [...KINDS.keys()].sort();
}

/** The kind named `name`; a DrillError "input" naming `<where>.kind` and the kinds there are, when unknown. */
export function faultKind(name: string, where: string): AnyKind {
  const kind = KINDS.get(name);
  if (!kind) throw inputError(`${where}.kind: unknown fault kind "${name}" (kinds: ${FAULT_KINDS.map((k) => k.kind).sort().join(", ")})`, { field: `${where}.kind` });
  return kind;
}

/** Validate a fault's params with its kind's schema; a DrillError "input" whose problems name the field. */
export function parseFaultParams(kindName: string, params: unknown, where: string): unknown {
  const kind = faultKind(kindName, where);
  const parsed = kind.params.safeParse(params);
  if (!parsed.success) {
    throw inputError(problemsOf(parsed.error).map((p) => `${where}.params${p.path === "(top level)" ? "" : `.${p.path}`}: ${p.message}`).join("\n"), { field: `${where}.params` });
  }
  return parsed.data;
}
