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
// For the few seconds between, commits do not wait for the standby. In a drill
// this runs in the restore phase, while clients are still watched: the
// progress line goes into the journal, and the time to full redundancy then
// includes the reset (the cluster would not have come back by itself).
import { setTimeout as sleep } from "node:timers/promises";
import { environmentError } from "../../../core/errors.ts";
import type { Ctx } from "../context.ts";
import { patroniOf, type PatroniDecl } from "../declaration.ts";
import type { Member } from "../types.ts";
import { askAnyMember } from "./rest.ts";

const NO_SYNC = "Patroni names no synchronous standby";

/**
 * True when the only thing missing is the synchronous standby Patroni should
 * name: etcd healthy, the primary holding the leader key ("leader" in Patroni's
 * own view), every other node a healthy streaming replica.
 */
export function onlySyncKeyMissing(members: Member[]): boolean {
  const etcd = members.find((m) => m.role === "dcs");
  const nodes = members.filter((m) => m.role === "primary" || m.role === "secondary");
  const leader = nodes.find((m) => m.role === "primary");
  const detail = leader?.detail ?? "";
  return etcd?.healthy === true && leader !== undefined && !leader.healthy && detail.includes(": leader,") && detail.includes(NO_SYNC)
    && nodes.filter((m) => m !== leader).every((m) => m.healthy);
}

/** Off, a few HA loops for Patroni to delete /sync, on; then confirmed in Patroni's /config. Throws when Patroni did not take it. */
async function toggleSynchronousMode(p: PatroniDecl): Promise<void> {
  const loopMs = p.timing.loopWaitSeconds * 1000;
  await patchConfig(p, { synchronous_mode: false });
  await sleep(3 * loopMs);
  await patchConfig(p, { synchronous_mode: true });
  for (let i = 0; i < 5; i++) {
    if ((await readConfig(p))?.synchronous_mode === true) return;
    await sleep(loopMs);
  }
  throw environmentError(`orders-db: resetting Patroni's /sync: synchronous_mode is not back on in Patroni's /config; set it by hand: curl -XPATCH -d '{"synchronous_mode": true}' http://${p.host}:${p.nodes[0]!.restApiPort}/config`);
}

async function patchConfig(p: PatroniDecl, body: Record<string, unknown>): Promise<void> {
  const res = await askAnyMember(p, "/config", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body), timeoutMs: 5_000 });
  if (res) return void (await res.body?.cancel());
  throw environmentError(`orders-db: no Patroni REST API accepted PATCH /config ${JSON.stringify(body)} (${p.nodes.map((n) => `${p.host}:${n.restApiPort}`).join(", ")})`);
}

async function readConfig(p: PatroniDecl): Promise<{ synchronous_mode?: boolean } | undefined> {
  const res = await askAnyMember(p, "/config", { timeoutMs: 2_000 });
  return (await res?.json().catch(() => undefined)) as { synchronous_mode?: boolean } | undefined;
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
