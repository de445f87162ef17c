// The stale /sync watcher of `drill env heal` on a Patroni cluster: it acts
// only when everything else is healthy and the leader alone lacks the
// synchronous standby Patroni should name, for several HA loops in a row, and
// only once per wait. Pure: a manual clock and a recorded reset.
import { describe, expect, it } from "vitest";
import type { Ctx } from "../../../runners/env/context.ts";
import { onlySyncKeyMissing, staleSyncKeyWatch } from "../../../runners/env/patroni/stale-sync-key.ts";
import type { Member } from "../../../runners/env/types.ts";
import { TUNED_PATRONI_TIMING } from "../../../stacks/local/patroni-ha.ts";

const member = (node: string, role: string, healthy: boolean, detail = ""): Member => ({ service: "orders-db", node, role, address: "", process: "running", healthy, detail });
const stale = [member("etcd", "dcs", true), member("node-a", "primary", false, "patroni node-a: leader, 1 replica(s) streaming; Patroni names no synchronous standby (/cluster), so no failover target"), member("node-b", "secondary", true)];
const rejoining = [stale[0]!, stale[1]!, member("node-b", "secondary", false, "replica (starting), not streaming")];

function ctxWith(synchronousMode = true): { ctx: Ctx; said: string[] } {
  const said: string[] = [];
  const patroni = { host: "127.0.0.1", database: "orders", scope: "orders-db", etcdPort: 1, nodes: [], timing: { ...TUNED_PATRONI_TIMING, synchronousMode } };
  return { ctx: { decl: { stack: "t", patroni }, progress: (m: string) => said.push(m) } as unknown as Ctx, said };
}

describe("a /sync key left naming another leader", () => {
  it("is recognised only when the leader alone is missing its synchronous standby", () => {
    expect(onlySyncKeyMissing(stale)).toBe(true);
    expect(onlySyncKeyMissing(rejoining)).toBe(false);
    expect(onlySyncKeyMissing([stale[0]!, member("node-a", "primary", true), stale[2]!])).toBe(false);
    // etcd down, or the primary not holding the leader key: another problem, not /sync.
    expect(onlySyncKeyMissing([member("etcd", "dcs", false), stale[1]!, stale[2]!])).toBe(false);
    expect(onlySyncKeyMissing([stale[0]!, member("node-a", "primary", false, "patroni node-a: role master, state running, leader key node-b; Patroni names no synchronous standby (/cluster)"), stale[2]!])).toBe(false);
  });

  it("is reset after five HA loops in a row, once, and said in the progress", async () => {
    let now = 0;
    let resets = 0;
    const { ctx, said } = ctxWith();
    const watch = staleSyncKeyWatch(ctx, { now: () => now, reset: async () => void resets++ });
    expect(await watch(stale)).toBe(false);
    now += 9_000;
    expect(await watch(stale)).toBe(false);
    now += 2_000;
    expect(await watch(rejoining)).toBe(false); // the streak breaks: start again
    expect(await watch(stale)).toBe(false);
    now += 10_000;
    expect(await watch(stale)).toBe(true);
    now += 60_000;
    expect(await watch(stale)).toBe(false);
    expect(resets).toBe(1);
    expect(said.join("\n")).toMatch(/synchronous_mode off, then on/);
  });

  it("leaves an asynchronous cluster alone", async () => {
    let now = 0;
    let resets = 0;
    const watch = staleSyncKeyWatch(ctxWith(false).ctx, { now: () => now, reset: async () => void resets++ });
    await watch(stale);
    now += 60_000;
    expect(await watch(stale)).toBe(false);
    expect(resets).toBe(0);
  });
});
