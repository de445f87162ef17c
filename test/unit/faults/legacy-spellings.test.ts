// Old spellings keep working, with a deprecation note in the drill's journal:
// net.latency is net.proxy mode latency, net.partition via "proxy" is net.proxy
// mode blackhole/reset; records written by older versions still heal.
import { describe, expect, it } from "vitest";
import { FAULT_KINDS, faultKind, faultKinds, parseFaultParams } from "../../../runners/faults/registry.ts";
import { fakeWorld, nodesOf, routesOf } from "./fake-os.ts";

const target = { kind: "node" as const, service: "sessions-cache", node: "redis-a", address: "127.0.0.1:16380" };
const world = () => {
  const w = fakeWorld({ proxies: ["p-a"] });
  w.processes.spawn({ pid: 100, cmdline: "redis-server" });
  return { w, ctx: w.ctx({ proxies: routesOf({ "redis-a": "p-a" }), nodes: nodesOf({ "redis-a": { pid: 100 } }) }) };
};

describe("old fault spellings", () => {
  it("net.latency { delay } sets latency through net.proxy and notes the new spelling", async () => {
    const { w, ctx } = world();
    const kind = faultKind("net.latency", "faults[0]");
    expect(kind.deprecated).toMatch(/net\.proxy/);
    const state = await kind.prepare(parseFaultParams("net.latency", { delay: "250ms" }, "faults[0]"), target, ctx);
    await kind.inject(state, ctx);
    expect(w.proxies.modes.get("p-a")).toEqual({ kind: "latency", delayMs: 250, jitterMs: 0 });
    expect(w.notes).toEqual([expect.stringMatching(/^warn: deprecated: kind "net.latency" is net.proxy now: write \{ kind: "net.proxy", params: \{ mode: "latency"/)]);
    expect((await kind.check(state, ctx)).confirmed).toBe(true);
    await kind.heal(state, ctx);
    expect(w.proxies.modes.get("p-a")).toEqual({ kind: "pass" });
  });

  it("net.partition { via: proxy, mode } is net.proxy; without via it is the firewall, with no note", async () => {
    const { w, ctx } = world();
    const kind = faultKind("net.partition", "faults[0]");
    const viaProxy = await kind.prepare(parseFaultParams("net.partition", { via: "proxy", mode: "reset" }, "faults[0]"), target, ctx);
    await kind.inject(viaProxy, ctx);
    expect(w.proxies.modes.get("p-a")).toEqual({ kind: "reset" });
    expect(w.firewall.rules).toEqual([]);
    expect(w.notes).toEqual([expect.stringMatching(/^warn: deprecated: net.partition with params.via "proxy" is net.proxy now/)]);
    await kind.heal(viaProxy, ctx);
    expect(w.proxies.modes.get("p-a")).toEqual({ kind: "pass" });

    const fw = await kind.prepare(parseFaultParams("net.partition", {}, "faults[0]"), target, ctx);
    await kind.inject(fw, ctx);
    expect(w.firewall.rules.length).toBeGreaterThan(0);
    expect(w.notes).toHaveLength(1);
    await kind.heal(fw, ctx);
    expect(w.firewall.rules).toEqual([]);
  });

  it("fault-journal records of older versions heal: net.latency's and net.partition's via proxy", async () => {
    const { w, ctx } = world();
    w.proxies.modes.set("p-a", { kind: "latency", delayMs: 250 });
    await faultKind("net.latency", "fault journal").heal({ node: "redis-a", controlUrl: "http://127.0.0.1:18095", proxy: "p-a", delayMs: 250, jitterMs: 0 }, ctx);
    expect(w.proxies.modes.get("p-a")).toEqual({ kind: "pass" });
    w.proxies.modes.set("p-a", { kind: "blackhole" });
    const old = { via: "proxy", node: "redis-a", controlUrl: "http://127.0.0.1:18095", proxy: "p-a", mode: "blackhole", host: "127.0.0.1", port: 16380 };
    expect(faultKind("net.partition", "fault journal").describe(old)).toBe("blackhole on redis-a (proxy p-a)");
    await faultKind("net.partition", "fault journal").heal(old, ctx);
    expect(w.proxies.modes.get("p-a")).toEqual({ kind: "pass" });
  });

  it("the typed list holds only the current kinds; lookups know the old names too", () => {
    expect(FAULT_KINDS.map((k) => k.kind)).toEqual(["process.kill", "process.pause", "net.partition", "net.proxy", "command", "fis.experiment", "ssh.process.kill", "ssh.process.pause", "ssh.command"]);
    expect(faultKinds()).toEqual(["command", "fis.experiment", "net.latency", "net.partition", "net.proxy", "process.kill", "process.pause", "ssh.command", "ssh.process.kill", "ssh.process.pause"]);
    expect(() => faultKind("net.lag", "faults[1]")).toThrow(expect.objectContaining({ kind: "input", where: { field: "faults[1].kind" } }));
    expect(() => parseFaultParams("net.proxy", { mode: "latency", dealy: "1s" }, "faults[0]")).toThrow(expect.objectContaining({ kind: "input", message: expect.stringMatching(/faults\[0\]\.params/) }));
  });
});
