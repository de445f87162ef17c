// Fault kinds by name. A scenario names a kind; its params are validated by
// that kind's own schema before anything is touched.
import { problemsOf } from "../../stacks/lib/issues.ts";
import { InputError } from "../../core/errors.ts";
import { commandFault } from "./command.ts";
import type { FaultKind } from "./fault.ts";
import { fisExperiment } from "./fis-experiment.ts";
import { netLatency } from "./net-latency.ts";
import { netPartition } from "./net-partition.ts";
import { processKill } from "./process-kill.ts";
import { processPause } from "./process-pause.ts";
import { sshCommand } from "./ssh-command.ts";
import { sshProcessKill } from "./ssh-process-kill.ts";
import { sshProcessPause } from "./ssh-process-pause.ts";

const KINDS = new Map<string, FaultKind<unknown, Record<string, unknown>>>();

export function registerFault<P, S extends Record<string, unknown>>(kind: FaultKind<P, S>): void {
  KINDS.set(kind.kind, kind as unknown as FaultKind<unknown, Record<string, unknown>>);
}

for (const k of [processKill, processPause, netPartition, netLatency, commandFault, fisExperiment, sshProcessKill, sshProcessPause, sshCommand]) registerFault(k as FaultKind<unknown, Record<string, unknown>>);

export function faultKinds(): string[] {
  return [...KINDS.keys()].sort();
}

export function faultKind(name: string, where: string): FaultKind<unknown, Record<string, unknown>> {
  const kind = KINDS.get(name);
  if (!kind) throw new InputError(`${where}.kind: unknown fault kind "${name}" (kinds: ${faultKinds().join(", ")})`);
  return kind;
}

/** Validate a fault's params with its kind's schema; problems name the field. */
export function parseFaultParams(kindName: string, params: unknown, where: string): unknown {
  const kind = faultKind(kindName, where);
  const parsed = kind.params.safeParse(params);
  if (!parsed.success) {
    throw new InputError(problemsOf(parsed.error).map((p) => `${where}.params${p.path === "(top level)" ? "" : `.${p.path}`}: ${p.message}`).join("\n"));
  }
  return parsed.data;
}
