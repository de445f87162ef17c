// net.proxy — the client path to a node misbehaves, through our TCP proxy that
// sits in it (toxiproxy-like): `mode` latency (delay ± jitter each direction:
// a round trip gets 2 × delay longer; this kernel has no netem), blackhole
// (accepted, never answered) or reset (refused with RST). The HA software's own
// paths stay direct, so only clients see it. Heal puts the proxy back to pass.
// The modes and their params are listed once, in ../proxy/mode.ts.
import { faultError, inputError } from "../../core/errors.ts";
import { describeMode, faultMode, ProxyFaultParams, type ProxyFaultParamsT, type ProxyMode } from "../proxy/mode.ts";
import type { FaultContext, FaultKind } from "./fault.ts";
import { osOf } from "./os-real.ts";
import type { ResolvedTarget } from "./targets.ts";

export interface ProxyFaultState {
  [key: string]: unknown;
  node: string;
  controlUrl: string;
  proxy: string;
  /** The wire mode set on inject (records of the old kinds carry `delayMs` or a mode name instead; heal needs neither). */
  proxyMode: ProxyMode;
}

/** The proxy route of a node or endpoint target; "environment" when the stack has none in front of it. */
export async function proxyRoute(target: ResolvedTarget, ctx: FaultContext, kind: string): Promise<{ node: string; controlUrl: string; proxy: string }> {
  if (target.kind !== "node" && target.kind !== "endpoint") throw inputError(`${kind} needs a node or endpoint target, not ${target.kind}`, { fault: ctx.faultId });
  const node = target.kind === "node" ? target.node : target.endpoint;
  const route = await ctx.proxies?.proxyFor(target);
  if (!route) throw faultError(`no proxy of ours sits in the client path of "${node}", so ${kind} cannot act there (net.partition cuts a node by firewall)`, { node, fault: ctx.faultId });
  return { node, controlUrl: route.controlUrl, proxy: route.name };
}

const sameMode = (a: ProxyMode | undefined, b: ProxyMode) => a?.kind === b.kind && (a.kind !== "latency" || (b.kind === "latency" && a.delayMs === b.delayMs));

async function setMode(state: { controlUrl: string; proxy: string; node: string }, mode: ProxyMode, ctx: FaultContext, what: string): Promise<void> {
  try {
    await osOf(ctx).proxies.control(state.controlUrl).setMode(state.proxy, mode);
  } catch (error) {
    throw faultError(`net.proxy ${what}: proxy ${state.proxy} at ${state.controlUrl}: ${(error as Error).message}`, { node: state.node, fault: ctx.faultId }, error);
  }
}

export const netProxy: FaultKind<ProxyFaultParamsT, ProxyFaultState> = {
  kind: "net.proxy",
  description: "Latency, blackhole or reset on a node's client path, through our TCP proxy",
  params: ProxyFaultParams,
  targets: ["node", "endpoint"],
  async prepare(params, target, ctx) {
    return { ...(await proxyRoute(target, ctx, "net.proxy")), proxyMode: faultMode(params) };
  },
  async inject(state, ctx) {
    await setMode(state, state.proxyMode, ctx, "inject");
  },
  async check(state, ctx) {
    const mode = (await osOf(ctx).proxies.control(state.controlUrl).list()).find((p) => p.name === state.proxy)?.mode;
    return { confirmed: sameMode(mode, state.proxyMode), detail: `proxy ${state.proxy} is in mode ${mode ? describeMode(mode) : "unknown (no such proxy)"}` };
  },
  async heal(state, ctx) {
    // Setting pass again is harmless: healing twice, or a fault never injected, is a no-op.
    await setMode(state, { kind: "pass" }, ctx, "heal");
  },
  describe: (s) => `${describeMode(s.proxyMode)} on ${s.node} (proxy ${s.proxy})`,
};
