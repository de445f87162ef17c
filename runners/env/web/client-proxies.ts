// Starting our proxy daemon in the web app's client paths (see
// stacks/local/client-proxies.ts) and observing it through its control API.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startRecorded, type Ctx } from "../context.ts";
import type { ProxiesDecl } from "../declaration.ts";
import { REPO_ROOT } from "../paths.ts";
import type { Member } from "../types.ts";

export const PROXY_NODE = "client-proxies";
const DAEMON = join(REPO_ROOT, "runners/proxy/proxy-daemon.ts");

export const controlUrl = (p: ProxiesDecl) => `http://${p.host}:${p.controlPort}`;

export async function startClientProxies(ctx: Ctx): Promise<void> {
  const p = ctx.decl.proxies;
  if (!p) return;
  const dir = join(ctx.paths.dir, "proxies");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "proxies.json");
  const config = {
    control: { host: p.host, port: p.controlPort },
    proxies: p.routes.map((r) => ({ name: r.node, listenHost: p.host, listenPort: r.listenPort, upstreamHost: p.host, upstreamPort: r.upstreamPort })),
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  ctx.progress(`web: starting client-path proxies (control :${p.controlPort}; ${p.routes.map((r) => `${r.node} :${r.listenPort}`).join(", ")})`);
  await startRecorded(ctx, { node: PROXY_NODE, service: "web", command: process.execPath, cwd: REPO_ROOT, marker: file, args: ["--import", "tsx", DAEMON, "--config", file] });
}

/** Where the app connects to a node: through its proxy when one is declared. */
export function clientPort(ctx: Ctx, node: string, port: number): number {
  return ctx.decl.proxies?.routes.find((r) => r.node === node)?.listenPort ?? port;
}

/** "127.0.0.1:16379=127.0.0.1:26479,…": how the app maps the Sentinels' answers onto our proxies. */
export function natMap(ctx: Ctx): string {
  const p = ctx.decl.proxies;
  if (!p) return "";
  return p.routes
    .filter((r) => ctx.decl.redis.nodes.some((n) => n.name === r.node))
    .map((r) => `${p.host}:${r.upstreamPort}=${p.host}:${r.listenPort}`)
    .join(",");
}

export async function observeClientProxies(p: ProxiesDecl | undefined): Promise<Member[]> {
  if (!p) return [];
  const url = `${controlUrl(p)}/proxies`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    const body = (await res.json()) as { proxies: { name: string; mode: { kind: string } }[] };
    const faulted = body.proxies.filter((x) => x.mode.kind !== "pass");
    const detail = faulted.length ? `faults: ${faulted.map((x) => `${x.name}=${x.mode.kind}`).join(", ")}` : `${body.proxies.length} proxies passing`;
    return [{ service: "web", node: PROXY_NODE, role: "proxy", address: `${p.host}:${p.controlPort}`, process: "unknown", healthy: res.ok, detail }];
  } catch (error) {
    return [{ service: "web", node: PROXY_NODE, role: "proxy", address: `${p.host}:${p.controlPort}`, process: "unknown", healthy: false, detail: `control API not answering (${(error as Error).message})` }];
  }
}
