// The app's HTTP API. Every route answers: a dependency that fails gives 503
// with the reason, never a crash, so clients and HAProxy see the outage as it is.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OrdersDb } from "./orders-db.ts";
import type { Sessions } from "./sessions.ts";

export interface Deps { db: OrdersDb; sessions: Sessions; name: string }

const MAX_BODY = 1 << 20;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseOrder(text: string): { ref: string; payload: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw Object.assign(new Error("body must be JSON"), { status: 400 });
  }
  const { ref, payload } = (value ?? {}) as Record<string, unknown>;
  if (typeof ref !== "string" || ref === "" || typeof payload !== "string") {
    throw Object.assign(new Error('body must be {"ref": non-empty string, "payload": string}'), { status: 400 });
  }
  return { ref, payload };
}

async function health(deps: Deps): Promise<{ status: number; body: unknown }> {
  const check = (p: Promise<void>) => p.then(() => ({ ok: true }), (e: Error) => ({ ok: false, error: e.message }));
  const [ordersDb, sessionsCache] = await Promise.all([check(deps.db.ping()), check(deps.sessions.ping())]);
  const ok = ordersDb.ok && sessionsCache.ok;
  return { status: ok ? 200 : 503, body: { instance: deps.name, ok, dependencies: { "orders-db": ordersDb, "sessions-cache": sessionsCache } } };
}

export async function route(deps: Deps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;
  const order = /^\/orders\/([^/]+)$/.exec(path);
  const session = /^\/session\/([^/]+)$/.exec(path);
  try {
    if (path === "/livez") return send(res, 200, { instance: deps.name, ok: true });
    if (path === "/healthz") {
      const h = await health(deps);
      return send(res, h.status, h.body);
    }
    if (path === "/orders" && req.method === "POST") {
      const { ref, payload } = parseOrder(await readBody(req));
      const row = await deps.db.insert(ref, payload);
      return send(res, 201, { id: row.id, ref: row.ref });
    }
    if (order && req.method === "GET") {
      const row = await deps.db.find(decodeURIComponent(order[1]!));
      return row ? send(res, 200, row) : send(res, 404, { error: "no such order" });
    }
    if (session && req.method === "GET") {
      const value = await deps.sessions.get(decodeURIComponent(session[1]!));
      return value === null ? send(res, 404, { error: "no such session" }) : send(res, 200, { id: session[1], value });
    }
    if (session && req.method === "PUT") {
      await deps.sessions.put(decodeURIComponent(session[1]!), await readBody(req));
      return send(res, 200, { id: session[1] });
    }
    send(res, 404, { error: `no route for ${req.method} ${path}` });
  } catch (error) {
    const status = (error as { status?: number }).status ?? 503;
    if (!res.headersSent) send(res, status, { error: (error as Error).message, instance: deps.name });
  }
}
