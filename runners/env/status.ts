// `drill env status` and the engine's view of a node's process: measured live,
// from the services themselves and from /proc, never from what state recorded.
import { makeCtx } from "./context.ts";
import { loadDeclaration } from "./declaration.ts";
import { observe } from "./observe.ts";
import { envPaths } from "./paths.ts";
import { recordedProcess } from "./records.ts";
import { dataDir } from "./pg/conf.ts";
import { postmasterOf } from "./pg/postmaster.ts";
import { newState, readState } from "./state.ts";
import type { EnvOptions, EnvStatus } from "./types.ts";

export async function statusAt(opts: EnvOptions): Promise<EnvStatus> {
  const decl = await loadDeclaration(opts.stack ?? "local");
  const state = readState(envPaths(opts).stateFile);
  const o = await observe(makeCtx(decl, state ?? newState(decl.stack), opts));
  // Without state nothing of ours can be running, whatever answers on the ports.
  return state ? o.status : { ...o.status, up: false };
}

/**
 * The node's recorded process. A Patroni node is two roots: Patroni and the
 * postmaster it double-forked into its own session (found by its pidfile and
 * checked to serve that data directory), each with all its descendants.
 */
export async function nodeProcessAt(node: string, opts: EnvOptions): Promise<{ pid: number; pgid?: number; cmdline: string; roots?: number[] } | undefined> {
  const record = readState(envPaths(opts).stateFile)?.processes[node];
  const info = record ? recordedProcess(record) : undefined;
  if (!record || !info) return undefined;
  const decl = await loadDeclaration(opts.stack ?? "local");
  if (!decl.patroni?.nodes.some((n) => n.name === node)) return { pid: info.pid, pgid: info.pgid, cmdline: info.cmdline };
  const postmaster = postmasterOf(dataDir(envPaths(opts), node));
  return { pid: info.pid, pgid: info.pgid, cmdline: info.cmdline, roots: [info.pid, ...(postmaster ? [postmaster] : [])] };
}
