// Patroni's /sync key left naming another leader. Seen with Debian's Patroni
// 3.0.2 after a resumed (or reconnected) old leader took the leader key back
// from the node promoted meanwhile: that node had written /sync as
// {"leader": <itself>, "sync_standby": null}, and the old leader, leader again,
// never overwrites a /sync that names someone else (patroni/ha.py
// process_sync_replication: "Synchronous replication key updated by someone
// else" on every HA loop, for good — restarting Patroni does not help). So
// PostgreSQL streams synchronously while Patroni names no synchronous
// standby: it refuses a switchover (HTTP 412) and, in synchronous mode, has no
// failover target. The operator's way out, and ours: switch synchronous_mode
// off (Patroni deletes /sync) and on again, through Patroni's own PATCH /config.
// For the few seconds between, commits do not wait for the standby; the heal's
// progress says so, and it runs only after the drill's measured window.
import { setTimeout as sleep } from "node:timers/promises";
import type { Ctx } from "../context.ts";
import { patroniOf, type PatroniDecl } from "../declaration.ts";
import type { Member } from "../types.ts";

const NO_SYNC = "Patroni names no synchronous standby";

/** True when the only thing missing is the synchronous standby Patroni should name. */
export function onlySyncKeyMissing(members: Member[]): boolean {
  const nodes = members.filter((m) => m.role === "primary" || m.role === "secondary");
  const leader = nodes.find((m) => m.role === "primary");
  return leader !== undefined && !leader.healthy && (leader.detail ?? "").includes(NO_SYNC) && nodes.filter((m) => m !== leader).every((m) => m.healthy);
}

async function toggleSynchronousMode(p: PatroniDecl): Promise<void> {
  await patchConfig(p, { synchronous_mode: false });
  await sleep(3 * p.timing.loopWaitSeconds * 1000);
  await patchConfig(p, { synchronous_mode: true });
}

async function patchConfig(p: PatroniDecl, body: Record<string, unknown>): Promise<void> {
  for (const n of p.nodes) {
    const ok = await fetch(`http://${p.host}:${n.restApiPort}/config`, { method: "PATCH", body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
    if (ok) return;
  }
}

/**
 * A watcher for the wait until healthy: called with each observation still
 * missing something; once, for `graceLoops` HA loops in a row, everything is
 * healthy except that Patroni names no synchronous standby, it resets /sync by
 * toggling synchronous_mode (once per wait). Returns whether it did.
 */
export function staleSyncKeyWatch(
  ctx: Ctx,
  o: { graceLoops?: number; now?: () => number; reset?: () => Promise<void> } = {},
): (members: Member[]) => Promise<boolean> {
  const p = patroniOf(ctx.decl);
  const graceLoops = o.graceLoops ?? 5;
  const now = o.now ?? Date.now;
  const loopMs = p.timing.loopWaitSeconds * 1000;
  let since: number | undefined;
  let done = false;
  return async (members) => {
    if (done || !p.timing.synchronousMode) return false;
    if (!onlySyncKeyMissing(members)) {
      since = undefined;
      return false;
    }
    since ??= now();
    if (now() - since < graceLoops * loopMs) return false;
    done = true;
    ctx.progress(`orders-db: Patroni has named no synchronous standby for ${graceLoops} HA loops although the replica streams (a /sync key left naming another leader, Patroni 3.0.2); resetting it: synchronous_mode off, then on (commits do not wait for the standby for a few seconds)`);
    await (o.reset ?? (() => toggleSynchronousMode(p)))();
    return true;
  };
}
