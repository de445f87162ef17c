// `drill env status` and the engine's view of a node's process: measured live,
// from the services themselves and from /proc, never from what state recorded.
import { makeCtx } from "./context.ts";
import { loadDeclaration } from "./declaration.ts";
import { observe } from "./observe.ts";
import { envPaths } from "./paths.ts";
import { recordedProcess } from "./records.ts";
import { newState, readState } from "./state.ts";
import type { EnvOptions, EnvStatus } from "./types.ts";

export async function statusAt(opts: EnvOptions): Promise<EnvStatus> {
  const decl = await loadDeclaration(opts.stack ?? "local");
  const state = readState(envPaths(opts).stateFile);
  const o = await observe(makeCtx(decl, state ?? newState(decl.stack), opts));
  // Without state nothing of ours can be running, whatever answers on the ports.
  return state ? o.status : { ...o.status, up: false };
}

export async function nodeProcessAt(node: string, opts: EnvOptions): Promise<{ pid: number; pgid?: number; cmdline: string } | undefined> {
  const record = readState(envPaths(opts).stateFile)?.processes[node];
  const info = record ? recordedProcess(record) : undefined;
  if (!record || !info) return undefined;
  return { pid: info.pid, pgid: info.pgid, cmdline: info.cmdline };
}
