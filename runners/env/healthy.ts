// Waiting until every service is healthy by its own signals, failing fast when
// a process we started has died (with the end of its log, which says why).
import type { Ctx } from "./context.ts";
import { observe } from "./observe.ts";
import { nudgeOrdersDb } from "./orders-db.ts";
import { staleSyncKeyWatch } from "./patroni/stale-sync-key.ts";
import { assertNoneDied } from "./died.ts";
import type { EnvStatus } from "./types.ts";
import { waitFor } from "./wait.ts";

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
