// Starting the web tier: instances of this project's app (stacks/local/app)
// and HAProxy in front of them, in the foreground (-db) so its PID is the one we record.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startRecorded, type Ctx } from "../context.ts";
import { APP_SERVER, REPO_ROOT } from "../paths.ts";
import { haproxyConf } from "./haproxy-conf.ts";
import { ordersDb } from "../declaration.ts";
import { clientPort, natMap, startClientProxies } from "./client-proxies.ts";

export const HAPROXY = "/usr/sbin/haproxy";
export const haproxyConfFile = (ctx: Ctx) => join(ctx.paths.web, "haproxy.cfg");
export const appMarker = (ctx: Ctx, name: string) => `--name ${name} --env-dir ${ctx.paths.dir}`;

/** The app's dependencies, as the stack declares them — through our client-path proxies where declared. */
export function appEnv(ctx: Ctx): Record<string, string> {
  const { redis } = ctx.decl;
  const pg = ordersDb(ctx.decl);
  const hosts = pg.nodes.map((n) => `${pg.host}:${clientPort(ctx, n.name, n.port)}`).join(",");
  return {
    ORDERS_DB_URL: `postgres://postgres@${hosts}/${pg.database}?target_session_attrs=primary`,
    SESSIONS_SENTINELS: redis.sentinels.map((s) => `${redis.host}:${s.port}`).join(","),
    SESSIONS_MASTER: redis.masterName,
    SESSIONS_NAT_MAP: natMap(ctx),
  };
}

export async function startApp(ctx: Ctx, name: string): Promise<void> {
  const inst = ctx.decl.web.instances.find((i) => i.name === name)!;
  ctx.progress(`web: starting ${name} on 127.0.0.1:${inst.port}`);
  // cwd is the repo so `--import tsx` resolves from our node_modules.
  await startRecorded(ctx, {
    node: name, service: "web", command: process.execPath, cwd: REPO_ROOT, env: appEnv(ctx), marker: appMarker(ctx, name),
    args: ["--import", "tsx", APP_SERVER, "--port", String(inst.port), "--name", name, "--env-dir", ctx.paths.dir],
  });
}

export async function startHaproxy(ctx: Ctx): Promise<void> {
  mkdirSync(ctx.paths.web, { recursive: true });
  const file = haproxyConfFile(ctx);
  writeFileSync(file, haproxyConf(ctx.decl.web, ctx.paths.haproxySocket));
  ctx.progress(`web: starting haproxy on 127.0.0.1:${ctx.decl.web.frontendPort} (stats :${ctx.decl.web.statsPort})`);
  await startRecorded(ctx, { node: "haproxy", service: "web", command: HAPROXY, args: ["-db", "-f", file], cwd: ctx.paths.web, marker: file });
}

export async function startWeb(ctx: Ctx): Promise<void> {
  await startClientProxies(ctx);
  for (const i of ctx.decl.web.instances) await startApp(ctx, i.name);
  await startHaproxy(ctx);
}
