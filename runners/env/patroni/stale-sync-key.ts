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
import { observePatroni } from "./observe.ts";

const NO_SYNC = "Patroni names no synchronous standby";

/** True when the only thing missing is the synchronous standby Patroni should name. */
export function onlySyncKeyMissing(members: Member[]): boolean {
  const nodes = members.filter((m) => m.role === "primary" || m.role === "secondary");
  const leader = nodes.find((m) => m.role === "primary");
  return leader !== undefined && !leader.healthy && (leader.detail ?? "").includes(NO_SYNC) && nodes.filter((m) => m !== leader).every((m) => m.healthy);
}

async function patchConfig(p: PatroniDecl, body: Record<string, unknown>): Promise<void> {
  for (const n of p.nodes) {
    const ok = await fetch(`http://${p.host}:${n.restApiPort}/config`, { method: "PATCH", body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
    if (ok) return;
  }
}

/**
 * When, for `graceLoops` HA loops, everything is healthy except that Patroni
 * names no synchronous standby, reset /sync by toggling synchronous_mode.
 * Returns true when it did.
 */
export async function resetStaleSyncKey(ctx: Ctx, graceLoops = 5): Promise<boolean> {
  const p = patroniOf(ctx.decl);
  if (!p.timing.synchronousMode) return false;
  const loopMs = p.timing.loopWaitSeconds * 1000;
  for (let i = 0; i < graceLoops; i++) {
    if (!onlySyncKeyMissing(await observePatroni(p))) return false;
    await sleep(loopMs);
  }
  if (!onlySyncKeyMissing(await observePatroni(p))) return false;
  ctx.progress(`orders-db: Patroni has named no synchronous standby for ${graceLoops} HA loops although the replica streams (a /sync key left naming another leader, Patroni 3.0.2); resetting it: synchronous_mode off, then on (commits do not wait for the standby for a few seconds)`);
  await patchConfig(p, { synchronous_mode: false });
  await sleep(3 * loopMs);
  await patchConfig(p, { synchronous_mode: true });
  return true;
}
