// net.partition with the OS faked: iptables rules tagged with the fault's id on
// the node's port, a cgroup of ours holding the node's tree with an OUTPUT rule
// on it; check sees the rules and a silent port; heal removes exactly ours.
import { describe, expect, it } from "vitest";
import { netPartition } from "../../../runners/faults/net-partition.ts";
import { fakeWorld, nodesOf } from "./fake-os.ts";

const target = { kind: "node" as const, service: "orders-db", node: "pg-a", address: "postgres://127.0.0.1:15431/orders" };

function world(o: { cgroupMount?: string } = {}) {
  const w = fakeWorld(o);
  w.processes.spawn({ pid: 100, cmdline: "pg_autoctl run" });
  w.processes.spawn({ pid: 101, ppid: 100, pgid: 100, cmdline: "postgres" });
  w.processes.spawn({ pid: 102, ppid: 101, pgid: 102, cmdline: "postgres: backend (setsid)" });
  // Someone else's rule, which heal must never touch.
  w.firewall.rules.push("-A INPUT -p tcp --dport 22 -m comment --comment ops:ssh -j ACCEPT");
  return { w, ctx: w.ctx({ nodes: nodesOf({ "pg-a": { pid: 100 } }) }) };
}

describe("net.partition (firewall)", () => {
  it("drops the port both ways and everything the node's tree sends; confirmed; heal removes only ours", async () => {
    const { w, ctx } = world();
    const state = await netPartition.prepare(netPartition.params.parse({}), target, ctx);
    expect(state).toMatchObject({ tag: "d1-f0", host: "127.0.0.1", port: 15431, pgid: 100, cgroupDir: "/sys/fs/cgroup/drill-d1-f0" });
    await netPartition.inject(state, ctx);
    expect(w.firewall.rules.filter((r) => r.includes("drill:d1-f0"))).toEqual([
      "-A OUTPUT -m cgroup --path drill-d1-f0 -m comment --comment drill:d1-f0 -j DROP",
      "-A OUTPUT -o lo -p tcp --sport 15431 -m comment --comment drill:d1-f0 -j DROP",
      "-A INPUT -i lo -p tcp --dport 15431 -m comment --comment drill:d1-f0 -j DROP",
    ]);
    expect([...w.cgroups.groups.get("/sys/fs/cgroup/drill-d1-f0")!].sort()).toEqual([100, 101, 102]);
    expect(await netPartition.check(state, ctx)).toEqual({ confirmed: true, detail: "3 rule(s); 127.0.0.1:15431 does not answer" });
    expect(netPartition.describe(state)).toBe("partition pg-a (127.0.0.1:15431) by firewall + cgroup");

    await netPartition.heal(state, ctx);
    expect(w.firewall.rules).toEqual(["-A INPUT -p tcp --dport 22 -m comment --comment ops:ssh -j ACCEPT"]);
    expect(w.cgroups.groups.has("/sys/fs/cgroup/drill-d1-f0")).toBe(false);
    await netPartition.heal(state, ctx); // twice: nothing left to remove, no error
    expect(w.firewall.rules).toHaveLength(1);
  });

  it("is unconfirmed when no rule of ours is in place or the port still answers", async () => {
    const { w, ctx } = world();
    const state = await netPartition.prepare(netPartition.params.parse({}), target, ctx);
    expect(await netPartition.check(state, ctx)).toEqual({ confirmed: false, detail: "0 rule(s); 127.0.0.1:15431 still answers" });
    // The rules went in, but on another interface than the one the clients use: the port answers.
    await netPartition.inject(state, ctx);
    w.firewall.rules = w.firewall.rules.map((r) => r.replace("--dport 15431", "--dport 15999"));
    expect((await netPartition.check(state, ctx)).confirmed).toBe(false);
  });

  it("without a cgroup v2 mount, partitions by port only", async () => {
    const { w, ctx } = world({ cgroupMount: undefined });
    const state = await netPartition.prepare(netPartition.params.parse({ via: "firewall" }), target, ctx);
    await netPartition.inject(state, ctx);
    expect(w.firewall.rules.filter((r) => r.includes("drill:"))).toHaveLength(2);
    expect(w.cgroups.groups.size).toBe(0);
    expect(netPartition.describe(state)).toBe("partition pg-a (127.0.0.1:15431) by firewall");
  });

  it("puts a node's tree in the cgroup by identity: a reused leader PID moves nothing", async () => {
    const { w, ctx } = world();
    const state = await netPartition.prepare(netPartition.params.parse({}), target, ctx);
    w.processes.reuse(100);
    await netPartition.inject(state, ctx);
    // The leader is not the pinned process any more, so no process is taken for the node's.
    expect(w.cgroups.groups.get("/sys/fs/cgroup/drill-d1-f0")?.size).toBe(0);
  });

  it("errors carry their kind: iptables missing is environment, refused is fault, a bad address or target is input", async () => {
    const { w, ctx } = world();
    const state = await netPartition.prepare(netPartition.params.parse({}), target, ctx);
    w.firewall.missing = true;
    await expect(netPartition.inject(state, ctx)).rejects.toMatchObject({ kind: "environment", message: expect.stringMatching(/iptables is not installed/) });
    w.firewall.missing = false;
    w.firewall.refuses = true;
    await expect(netPartition.inject(state, ctx)).rejects.toMatchObject({ kind: "fault" });
    await expect(netPartition.heal(state, ctx)).rejects.toMatchObject({ kind: "fault" });
    await expect(netPartition.prepare({}, { ...target, address: "no port here" }, ctx)).rejects.toMatchObject({ kind: "input", where: { node: "pg-a" } });
    await expect(netPartition.prepare({}, { kind: "none" }, ctx)).rejects.toMatchObject({ kind: "input" });
    expect(netPartition.params.safeParse({ via: "proxy" }).success).toBe(false);
  });
});
