// Waiting for one step of starting orders-db (under either manager), failing
// at once when one of the processes that step needs has died (with the end of
// its log, which says why) rather than at the timeout.
import type { Ctx } from "./context.ts";
import { assertNoneDied } from "./died.ts";
import { waitFor } from "./wait.ts";

/** Wait for a condition on orders-db, failing at once if one of `nodes` died meanwhile (others may be awaiting a restart). */
export function waitOrdersDb(ctx: Ctx, what: string, nodes: string[], check: () => Promise<string | undefined>): Promise<undefined> {
  return waitFor({ what: `orders-db ${what}`, timeoutMs: ctx.timeoutMs, onProgress: ctx.progress, observe: async () => {
    assertNoneDied(ctx, nodes);
    const missing = await check();
    return { value: undefined, missing: missing ? [missing] : [] };
  } });
}
