// net.latency — a node answers, but slowly: our TCP proxy in the client path
// delays every chunk by `delay` ± `jitter` (this kernel has no netem), in each
// direction — a request/reply round trip gets 2 × delay longer, as with
// toxiproxy's latency toxic applied both ways.
import { z } from "zod";
import { Duration, parseDuration } from "../../stacks/lib/index.ts";
import { RunError } from "../../core/errors.ts";
import type { FaultKind } from "./fault.ts";

export const Params = z.strictObject({ delay: Duration, jitter: Duration.optional() });

interface State {
  [key: string]: unknown;
  node: string;
  controlUrl: string;
  proxy: string;
  delayMs: number;
  jitterMs: number;
}

const control = async (url: string) => (await import("../proxy/proxy-client.ts")).proxyControl(url);

export const netLatency: FaultKind<z.infer<typeof Params>, State> = {
  kind: "net.latency",
  description: "Add delay (and jitter) to a node's client path through our TCP proxy",
  params: Params,
  targets: ["node", "endpoint"],
  async plan(params, target, ctx) {
    if (target.kind !== "node" && target.kind !== "endpoint") throw new Error("net.latency needs a node or endpoint target");
    const node = target.kind === "node" ? target.node : target.endpoint;
    const route = await ctx.proxies?.proxyFor(target);
    if (!route) throw new RunError(`no proxy of ours sits in the client path of "${node}", so latency cannot be added there`);
    return { node, controlUrl: route.controlUrl, proxy: route.name, delayMs: parseDuration(params.delay), jitterMs: params.jitter ? parseDuration(params.jitter) : 0 };
  },
  async inject(state) {
    await (await control(state.controlUrl)).setMode(state.proxy, { kind: "latency", delayMs: state.delayMs, jitterMs: state.jitterMs });
  },
  async check(state) {
    const mode = (await (await control(state.controlUrl)).list()).find((p) => p.name === state.proxy)?.mode;
    const ok = mode?.kind === "latency" && mode.delayMs === state.delayMs;
    return { confirmed: ok, detail: `proxy ${state.proxy} mode ${JSON.stringify(mode)}` };
  },
  async heal(state) {
    await (await control(state.controlUrl)).setMode(state.proxy, { kind: "pass" });
  },
  describe: (s) => `+${s.delayMs} ms${s.jitterMs ? ` ±${s.jitterMs} ms` : ""} on ${s.node} (proxy ${s.proxy})`,
};
