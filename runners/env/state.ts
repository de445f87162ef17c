// The env's state file: which processes `env up` (or `heal`) started. Written
// after every start so that a failure half-way can still stop what was started.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { environmentError } from "../../core/errors.ts";
import type { ProcRecord } from "./records.ts";

export interface EnvState {
  stack: string;
  createdAt: string;
  /** Keyed by node name ("monitor", "node-a", "redis-b", "sentinel-1", "web-2", "haproxy"). */
  processes: Record<string, ProcRecord>;
}

export function readState(file: string): EnvState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as EnvState;
  } catch (error) {
    throw environmentError(`${file}: the env state file is unreadable; stop leftovers with \`drill env down\``, { file }, error);
  }
}

export function writeState(file: string, state: EnvState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, file);
}

export function newState(stack: string): EnvState {
  return { stack, createdAt: new Date().toISOString(), processes: {} };
}
