// The env's state file: which processes `env up` (or `heal`) started. Written
// after every start so that a failure half-way can still stop what was started.
import { z } from "zod";
import { readStateFile, writeStateFile } from "../../core/state-file.ts";
import { environmentError } from "../../core/errors.ts";
import type { ProcRecord } from "./records.ts";

export interface EnvState {
  stack: string;
  createdAt: string;
  /** Keyed by node name ("monitor", "node-a", "redis-b", "sentinel-1", "web-2", "haproxy"). */
  processes: Record<string, ProcRecord>;
}

const ProcRecordSchema: z.ZodType<ProcRecord> = z.object({
  node: z.string(),
  service: z.string(),
  pid: z.number().int(),
  pgid: z.number().int(),
  startTime: z.number(),
  marker: z.string(),
  log: z.string(),
});

const EnvStateSchema: z.ZodType<EnvState> = z.object({
  stack: z.string(),
  createdAt: z.string(),
  processes: z.record(z.string(), ProcRecordSchema),
});

export function readState(file: string): EnvState | undefined {
  try {
    return readStateFile(file, EnvStateSchema);
  } catch (error) {
    throw environmentError(`${(error as Error).message}: the env state file is unreadable; stop leftovers with \`drill env down\``, { file }, error);
  }
}

export function writeState(file: string, state: EnvState): void {
  writeStateFile(file, state);
}

export function newState(stack: string): EnvState {
  return { stack, createdAt: new Date().toISOString(), processes: {} };
}
