// Waiting until every service is healthy by its own signals, failing fast when
// a process we started has died (with the end of its log, which says why).
import { existsSync, readFileSync } from "node:fs";
import { environmentError } from "../../core/errors.ts";
import type { Ctx } from "./context.ts";
import { observe } from "./observe.ts";
import { nudgeOrdersDb } from "./orders-db.ts";
import { staleSyncKeyWatch } from "./patroni/stale-sync-key.ts";
import { liveness } from "./records.ts";
import type { EnvStatus } from "./types.ts";
import { waitFor } from "./wait.ts";

export function logTail(file: string, lines = 5): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join(" | ");
}

/** Fail fast when one of `nodes` (default: every recorded one) has died. */
export function assertNoneDied(ctx: Ctx, nodes?: string[]): void {
  for (const r of Object.values(ctx.state.processes)) {
    if (nodes && !nodes.includes(r.node)) continue;
    if (liveness(r) === "dead") throw environmentError(`${r.service}: ${r.node} (pid ${r.pid}) exited while starting; its log ${r.log} ends: ${logTail(r.log)}`);
  }
}

/** Wait for a condition on orders-db, failing at once if one of `nodes` died meanwhile (others may be awaiting a restart). */
export function waitOrdersDb(ctx: Ctx, what: string, nodes: string[], check: () => Promise<string | undefined>): Promise<undefined> {
  return waitFor({ what: `orders-db ${what}`, timeoutMs: ctx.timeoutMs, onProgress: ctx.progress, observe: async () => {
    assertNoneDied(ctx, nodes);
    const missing = await check();
    return { value: undefined, missing: missing ? [missing] : [] };
  } });
}

export function waitHealthy(ctx: Ctx): Promise<EnvStatus> {
  let nudged = 0;
  const syncKey = ctx.decl.patroni ? staleSyncKeyWatch(ctx) : undefined;
  return waitFor({
    what: `stack ${ctx.decl.stack}`,
    timeoutMs: ctx.timeoutMs,
    onProgress: ctx.progress,
    observe: async () => {
      assertNoneDied(ctx);
      const o = await observe(ctx);
      return { value: o.status, missing: o.missing };
    },
    onPending: async (status) => {
      await syncKey?.(status.members);
      // A standby being cloned or rewound may be waiting on a spread checkpoint (37 s
      // measured after creating the database); see pg/nudge.ts. At most once a second.
      if (Date.now() - nudged < 1_000 || !status.members.some((m) => m.service === "orders-db" && !m.healthy)) return;
      nudged = Date.now();
      await nudgeOrdersDb(ctx);
    },
  });
}
