// Shared by the env integration tests: talk to the web app through HAProxy,
// find who holds a role now, kill a node the way a drill would, poll with a bound.
import { setTimeout as sleep } from "node:timers/promises";
import { envStatus, nodeProcess, type EnvStatus } from "../../../runners/env/index.ts";
import { isGone, readProc } from "../../../runners/env/procfs.ts";
import { processTree } from "../../../runners/faults/process-tree.ts";

export const WEB = "http://127.0.0.1:18080";

export async function http(method: string, path: string, body?: string): Promise<{ status: number; json: unknown }> {
  try {
    const res = await fetch(`${WEB}${path}`, { method, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(3_000) });
    const text = await res.text();
    let json: unknown = text;
    try { json = JSON.parse(text); } catch { /* plain text */ }
    return { status: res.status, json };
  } catch (error) {
    return { status: 0, json: (error as Error).message };
  }
}

export const postOrder = (ref: string, payload = `payload-${ref}`) => http("POST", "/orders", JSON.stringify({ ref, payload }));

export function nodeWithRole(status: EnvStatus, service: string, role: string): string {
  const nodes = status.members.filter((m) => m.service === service && m.role === role);
  if (nodes.length !== 1) throw new Error(`expected one ${service} ${role}, found ${nodes.map((n) => n.node).join(", ") || "none"}`);
  return nodes[0]!.node;
}

/**
 * SIGKILL a node's whole tree (its group and the backends that setsid() out of
 * it), as the engine's kill fault does, and return once every one is gone: a
 * backend left alive for a few ms still commits a write in flight, and a test
 * that polls "writes accepted again" would take that for the failover.
 */
export async function killNode(node: string): Promise<void> {
  const p = await nodeProcess(node);
  if (!p) throw new Error(`no live process for ${node}`);
  const pids = p.pgid === undefined ? [p.pid] : processTree(p.pgid);
  for (const pid of pids) {
    try { process.kill(pid, "SIGKILL"); } catch { /* exited between listing and signalling */ }
  }
  await until(`${node}'s processes gone`, async () => pids.filter((pid) => !isGone(readProc(pid))), (left) => left.length === 0, 10_000, 10);
}

/** Poll until `ok` holds; returns ms waited. Throws with the last value on timeout. */
export async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000, everyMs = 100): Promise<number> {
  const t0 = Date.now();
  let last: T | undefined;
  while (Date.now() - t0 < timeoutMs) {
    last = await probe();
    if (ok(last)) return Date.now() - t0;
    await sleep(everyMs);
  }
  throw new Error(`${what}: not reached within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

export const status = () => envStatus();
export const log = (m: string) => process.stderr.write(`[env-test] ${m}\n`);
