// What every start/heal step needs: the declaration, the paths, the state it
// records into (saved after each start), and where progress goes.
import { mkdirSync } from "node:fs";
import type { LocalDecl } from "./declaration.ts";
import { envPaths, type EnvPaths } from "./paths.ts";
import type { ProcRecord } from "./records.ts";
import { spawnDetached, type SpawnSpec } from "./spawn.ts";
import { writeState, type EnvState } from "./state.ts";
import type { EnvOptions } from "./types.ts";

export interface Ctx {
  decl: LocalDecl;
  paths: EnvPaths;
  state: EnvState;
  progress: (message: string) => void;
  timeoutMs: number;
}

export function makeCtx(decl: LocalDecl, state: EnvState, opts: EnvOptions): Ctx {
  const paths = envPaths({ ...opts, stack: decl.stack });
  return { decl, paths, state, progress: opts.onProgress ?? (() => {}), timeoutMs: opts.timeoutMs ?? 120_000 };
}

/** Start a server detached and record it before anything else can fail. */
export async function startRecorded(ctx: Ctx, spec: Omit<SpawnSpec, "log">): Promise<ProcRecord> {
  mkdirSync(ctx.paths.logs, { recursive: true });
  const record = await spawnDetached({ ...spec, log: `${ctx.paths.logs}/${spec.node}.log` });
  ctx.state.processes[spec.node] = record;
  writeState(ctx.paths.stateFile, ctx.state);
  return record;
}
