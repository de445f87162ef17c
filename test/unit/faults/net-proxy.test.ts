// net.proxy with the proxy daemons faked: each mode (latency, blackhole,
// reset) is set on the proxy in the node's client path, confirmed by reading
// the mode back, and healed to pass — twice harmlessly.
import { describe, expect, it } from "vitest";
import { netProxy } from "../../../runners/faults/net-proxy.ts";
import { faultModeKinds, ProxyFaultParams } from "../../../runners/proxy/mode.ts";
import { fakeWorld, routesOf } from "./fake-os.ts";

const target = { kind: "node" as const, service: "sessions-cache", node: "redis-a", address: "127.0.0.1:16380" };

function world() {
  const w = fakeWorld({ proxies: ["web-to-redis-a", "web-to-redis-b"] });
  return { w, ctx: w.ctx({ proxies: routesOf({ "redis-a": "web-to-redis-a", "orders-http": "web-to-redis-b" }) }) };
}

describe("net.proxy", () => {
  it.each([
    [{ mode: "latency", delay: "250ms", jitter: "50ms" }, { kind: "latency", delayMs: 250, jitterMs: 50 }, "latency 250±50 ms on redis-a (proxy web-to-redis-a)"],
    [{ mode: "latency", delay: "1s" }, { kind: "latency", delayMs: 1000, jitterMs: 0 }, "latency 1000 ms on redis-a (proxy web-to-redis-a)"],
    [{ mode: "blackhole" }, { kind: "blackhole" }, "blackhole on redis-a (proxy web-to-redis-a)"],
    [{ mode: "reset" }, { kind: "reset" }, "reset on redis-a (proxy web-to-redis-a)"],
  ])("%o: inject sets the mode, check confirms it, heal (twice) puts pass back", async (params, wire, described) => {
    const { w, ctx } = world();
    const state = await netProxy.prepare(netProxy.params.parse(params), target, ctx);
    expect(state).toMatchObject({ node: "redis-a", proxy: "web-to-redis-a", controlUrl: "http://127.0.0.1:18095", proxyMode: wire });
    expect(netProxy.describe(state)).toBe(described);
    await netProxy.inject(state, ctx);
    expect(w.proxies.modes.get("web-to-redis-a")).toEqual(wire);
    expect(w.proxies.modes.get("web-to-redis-b")).toEqual({ kind: "pass" });
    expect((await netProxy.check(state, ctx)).confirmed).toBe(true);
    await netProxy.heal(state, ctx);
    await netProxy.heal(state, ctx);
    expect(w.proxies.modes.get("web-to-redis-a")).toEqual({ kind: "pass" });
    expect(await netProxy.check(state, ctx)).toEqual({ confirmed: false, detail: "proxy web-to-redis-a is in mode pass" });
  });

  it("is unconfirmed when the proxy is in another mode than the one set (someone changed it)", async () => {
    const { w, ctx } = world();
    const state = await netProxy.prepare(netProxy.params.parse({ mode: "latency", delay: "100ms" }), target, ctx);
    await netProxy.inject(state, ctx);
    w.proxies.modes.set("web-to-redis-a", { kind: "latency", delayMs: 5 });
    expect(await netProxy.check(state, ctx)).toEqual({ confirmed: false, detail: "proxy web-to-redis-a is in mode latency 5 ms" });
  });

  it("targets an endpoint's proxy as well", async () => {
    const { w, ctx } = world();
    const state = await netProxy.prepare(netProxy.params.parse({ mode: "reset" }), { kind: "endpoint", service: "web", endpoint: "orders-http", address: "127.0.0.1:18080" }, ctx);
    await netProxy.inject(state, ctx);
    expect(w.proxies.modes.get("web-to-redis-b")).toEqual({ kind: "reset" });
  });

  it("errors carry their kind: no proxy in the path is fault, a daemon that is down is fault naming the proxy, a non-node target is input", async () => {
    const { w, ctx } = world();
    await expect(netProxy.prepare(netProxy.params.parse({ mode: "blackhole" }), { ...target, node: "redis-z" }, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "redis-z", fault: "d1-f0" }, message: expect.stringMatching(/no proxy of ours sits in the client path of "redis-z"/) });
    await expect(netProxy.prepare(netProxy.params.parse({ mode: "blackhole" }), { kind: "none" }, ctx)).rejects.toMatchObject({ kind: "input" });
    const state = await netProxy.prepare(netProxy.params.parse({ mode: "blackhole" }), target, ctx);
    w.proxies.unreachable = true;
    await expect(netProxy.inject(state, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "redis-a" }, message: expect.stringMatching(/net.proxy inject: proxy web-to-redis-a at http:\/\/127.0.0.1:18095: proxy daemon .* not reachable/) });
    await expect(netProxy.heal(state, ctx)).rejects.toMatchObject({ kind: "fault", message: expect.stringMatching(/net.proxy heal/) });
  });

  it("params: one strict object per mode, the modes listed once", () => {
    expect([...faultModeKinds].sort()).toEqual(["blackhole", "latency", "reset"]);
    for (const mode of faultModeKinds) expect(ProxyFaultParams.options.some((o) => o.shape.mode.value === mode)).toBe(true);
    expect(netProxy.params.safeParse({ mode: "latency" }).success).toBe(false); // delay is required
    expect(netProxy.params.safeParse({ mode: "blackhole", delay: "1s" }).success).toBe(false); // unknown key for the mode
    expect(netProxy.params.safeParse({ mode: "pass" }).success).toBe(false); // pass is how a proxy heals, not a fault
    expect(netProxy.params.safeParse({ mode: "latency", delay: 500 }).success).toBe(false);
  });
});
