// The whole env as it is now: each service's members with roles measured live,
// plus each recorded process's liveness (running / paused / dead).
import type { Ctx } from "./context.ts";
import { observeOrdersDb } from "./orders-db.ts";
import { liveness } from "./records.ts";
import { observeRedis, redisMissing } from "./redis/observe.ts";
import type { EnvStatus, Member } from "./types.ts";
import { observeWeb, webMissing } from "./web/observe.ts";
import { observeClientProxies } from "./web/client-proxies.ts";

export interface Observation { status: EnvStatus; missing: string[] }

export async function observe(ctx: Ctx): Promise<Observation> {
  const [db, redis, web, proxies] = await Promise.all([observeOrdersDb(ctx), observeRedis(ctx.decl.redis), observeWeb(ctx.decl.web, ctx.paths.haproxySocket), observeClientProxies(ctx.decl.proxies)]);
  const members = [...db.members, ...redis, ...web, ...proxies].map((m) => withProcess(ctx, m));
  const missing = [...db.missing, ...redisMissing(redis), ...webMissing(web)];
  for (const m of members) if (m.process !== "running") missing.push(`${m.service} ${m.node} is ${m.process}`);
  for (const m of proxies) if (!m.healthy) missing.push(`web ${m.node}: ${m.detail}`);
  const up = missing.length === 0;
  return { status: { stack: ctx.decl.stack, up, members }, missing: [...new Set(missing)] };
}

function withProcess(ctx: Ctx, m: Member): Member {
  const record = ctx.state.processes[m.node];
  if (!record) return m;
  const process = liveness(record);
  // A paused process may still pass a check that only its kernel socket answers.
  const healthy = m.healthy && process === "running";
  return { ...m, pid: record.pid, pgid: record.pgid, process, healthy };
}
