// Patroni's REST API, asked of each declared member in turn until one answers:
// any member serves the cluster-wide views (/cluster, /config) and takes a
// PATCH /config, and a drill has usually just stopped one of them.
import type { PatroniDecl } from "../declaration.ts";

/** The first 2xx answer of any member, or undefined when none gave one (down, timed out, or refused). */
export async function askAnyMember(p: PatroniDecl, path: string, init: RequestInit & { timeoutMs: number }): Promise<Response | undefined> {
  const { timeoutMs, ...rest } = init;
  for (const n of p.nodes) {
    try {
      const res = await fetch(`http://${p.host}:${n.restApiPort}${path}`, { ...rest, signal: AbortSignal.timeout(timeoutMs) });
      if (res.ok) return res;
      await res.body?.cancel();
    } catch {
      // ask the next member
    }
  }
  return undefined;
}
