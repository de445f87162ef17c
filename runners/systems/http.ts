// An HTTP node, read live: its health path answers 2xx or it is down. HTTP has
// no roles; every healthy instance serves (like HAProxy's backends).
import { unreachable, within, type NodeView } from "./view.ts";

export async function readHttp(node: string, url: string, timeoutMs = 2_000): Promise<NodeView> {
  try {
    const res = await within(timeoutMs, fetch(url, { signal: AbortSignal.timeout(timeoutMs) }), `${node} (http)`);
    await res.body?.cancel();
    return { node, up: res.ok, role: "other", detail: `GET ${url} → ${res.status}` };
  } catch (error) {
    return unreachable(node, error);
  }
}

/** GET a JSON document (Patroni's REST API answers 503 with a body on replicas). */
export async function getJson(url: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, body: await res.json() };
}
