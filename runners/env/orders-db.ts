// orders-db under whichever HA manager the stack declares: pg_auto_failover
// (pg/) or Patroni with etcd (patroni/). Everything else in the env asks here.
import type { Ctx } from "./context.ts";
import { ordersDb } from "./declaration.ts";
import { checkpointPrimary } from "./pg/nudge.ts";
import { observePg, pgMissing } from "./pg/observe.ts";
import { startMonitor, startPg, startPgNode } from "./pg/start.ts";
import { observePatroni, patroniMissing } from "./patroni/observe.ts";
import { startEtcd, startPatroni, startPatroniNode } from "./patroni/start.ts";
import type { Member } from "./types.ts";

export function startOrdersDb(ctx: Ctx): Promise<void> {
  return ctx.decl.patroni ? startPatroni(ctx) : startPg(ctx);
}

/** The processes of orders-db that are not data nodes, started before them ("monitor" or "etcd"). */
export function ordersDbControlNode(ctx: Ctx): string {
  return ctx.decl.patroni ? "etcd" : "monitor";
}

export function startOrdersDbControl(ctx: Ctx): Promise<void> {
  return ctx.decl.patroni ? startEtcd(ctx) : startMonitor(ctx);
}

export function startOrdersDbNode(ctx: Ctx, name: string): Promise<void> {
  return ctx.decl.patroni ? startPatroniNode(ctx, name) : startPgNode(ctx, name);
}

export async function observeOrdersDb(ctx: Ctx): Promise<{ members: Member[]; missing: string[] }> {
  if (ctx.decl.patroni) {
    const members = await observePatroni(ctx.decl.patroni);
    return { members, missing: patroniMissing(members) };
  }
  const members = await observePg(ctx.decl.pg!);
  return { members, missing: pgMissing(members) };
}

/** A standby being cloned or rewound may wait on a spread checkpoint: make the primary checkpoint now. */
export async function nudgeOrdersDb(ctx: Ctx): Promise<void> {
  await checkpointPrimary(ordersDb(ctx.decl));
}
