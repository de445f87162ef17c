// The daemon's HTTP control API, so faults can be set and removed from any
// process — including `drill recover` after the runner that set them died.
//   GET  /proxies               → { proxies: ProxyStatus[] }
//   GET  /proxies/:name         → ProxyStatus
//   PUT  /proxies/:name/mode    ← ProxyMode JSON → ProxyStatus
//   POST /reset                 → every proxy back to pass → { proxies }
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { messageOf } from "../../core/errors.ts";
import { parseProxyMode } from "./mode.ts";
import type { ProxyStats, TcpProxy } from "./tcp-proxy.ts";
import type { ProxyMode } from "./mode.ts";

export interface ProxyStatus {
  name: string;
  listen: { host: string; port: number };
  upstream: { host: string; port: number };
  mode: ProxyMode;
  stats: ProxyStats;
}

const MAX_BODY = 16 * 1024;

export function statusOf(name: string, proxy: TcpProxy): ProxyStatus {
  return { name, listen: proxy.listen, upstream: proxy.upstream, mode: proxy.mode(), stats: proxy.stats() };
}

export function controlApi(proxies: ReadonlyMap<string, TcpProxy>): RequestListener {
  const all = () => ({ proxies: [...proxies].map(([name, proxy]) => statusOf(name, proxy)) });
  return (req, res) => {
    route(req, proxies, all).then(
      ([status, body]) => send(res, status, body),
      (error) => send(res, 400, { error: messageOf(error) }),
    );
  };
}

type Reply = [number, unknown];

async function route(
  req: IncomingMessage,
  proxies: ReadonlyMap<string, TcpProxy>,
  all: () => unknown,
): Promise<Reply> {
  const path = new URL(req.url ?? "/", "http://control").pathname;
  const match = /^\/proxies\/([^/]+)(\/mode)?$/.exec(path);
  if (req.method === "GET" && path === "/proxies") return [200, all()];
  if (req.method === "POST" && path === "/reset") {
    for (const proxy of proxies.values()) proxy.setMode({ kind: "pass" });
    return [200, all()];
  }
  if (!match) return [404, { error: `no route ${req.method} ${path}` }];
  const name = decodeURIComponent(match[1]!);
  const proxy = proxies.get(name);
  if (!proxy) return [404, { error: `unknown proxy ${name}; known: ${[...proxies.keys()].join(", ")}` }];
  if (req.method === "GET" && !match[2]) return [200, statusOf(name, proxy)];
  if (req.method === "PUT" && match[2]) {
    proxy.setMode(parseProxyMode(await readJson(req), "mode"));
    return [200, statusOf(name, proxy)];
  }
  return [405, { error: `method ${req.method} not allowed on ${path}` }];
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error(`body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new Error(`body is not valid JSON: ${messageOf(error)}`, { cause: error });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
