// Old scenario spellings, kept working with a deprecation note in the drill's
// journal: `net.latency` { delay, jitter } is net.proxy { mode: "latency" }, and
// `net.partition` { via: "proxy", mode } is net.proxy { mode }. They also heal
// fault-journal records written by older versions (`drill recover`). New
// scenarios, and the typed union of kinds (registry FAULT_KINDS), use net.proxy.
import { z } from "zod";
import { Duration } from "../../stacks/lib/schema.ts";
import type { FaultContext, FaultKind, FaultState } from "./fault.ts";
import { netPartition, NetPartitionParams, type PartitionState } from "./net-partition.ts";
import { netProxy, type ProxyFaultState } from "./net-proxy.ts";

type AnyState = FaultState;

/** A record of the proxy mechanism: it names the proxy's control URL (firewall records never do). */
const viaProxy = (s: AnyState): s is ProxyFaultState => typeof s.controlUrl === "string";

const warn = (ctx: FaultContext, message: string) => ctx.note("warn", `deprecated: ${message}`);

const proxyDescribe = (s: ProxyFaultState) => (s.proxyMode ? netProxy.describe(s) : `${String(s.mode ?? "latency")} on ${s.node} (proxy ${s.proxy})`);

const LegacyProxyPartition = z.strictObject({ via: z.literal("proxy"), mode: z.enum(["blackhole", "reset"]).default("blackhole") });
/** Before net.proxy existed, `mode` was accepted (and ignored) with the firewall too. */
const LegacyFirewall = z.strictObject({ via: z.literal("firewall").optional(), mode: z.enum(["blackhole", "reset"]).optional() });

export const PARTITION_VIA_PROXY = 'net.partition with params.via "proxy" is net.proxy now: write { kind: "net.proxy", params: { mode: "blackhole" } } (or mode "reset")';
export const NET_LATENCY = 'kind "net.latency" is net.proxy now: write { kind: "net.proxy", params: { mode: "latency", delay, jitter } }';

/** net.partition as the registry looks it up: the firewall, or the old proxy spelling. */
export const netPartitionCompat: FaultKind<unknown, AnyState> = {
  ...(netPartition as unknown as FaultKind<unknown, AnyState>),
  params: z.union([NetPartitionParams, LegacyProxyPartition, LegacyFirewall]),
  async prepare(params, target, ctx) {
    const p = params as { via?: string; mode?: "blackhole" | "reset" };
    if (p.via !== "proxy") return netPartition.prepare({}, target, ctx);
    warn(ctx, PARTITION_VIA_PROXY);
    return netProxy.prepare({ mode: p.mode ?? "blackhole" }, target, ctx);
  },
  inject: (s, ctx) => (viaProxy(s) ? netProxy.inject(s, ctx) : netPartition.inject(s as PartitionState, ctx)),
  check: (s, ctx) => (viaProxy(s) ? netProxy.check(s, ctx) : netPartition.check(s as PartitionState, ctx)),
  heal: (s, ctx) => (viaProxy(s) ? netProxy.heal(s, ctx) : netPartition.heal(s as PartitionState, ctx)),
  describe: (s) => (viaProxy(s) ? proxyDescribe(s) : netPartition.describe(s as PartitionState)),
};

const LatencyParams = z.strictObject({ delay: Duration, jitter: Duration.optional() });

/** net.latency: net.proxy in mode latency, under its old name. */
export const netLatencyLegacy: FaultKind<z.infer<typeof LatencyParams>, ProxyFaultState> = {
  ...netProxy,
  kind: "net.latency",
  description: "Deprecated: net.proxy with mode latency",
  deprecated: NET_LATENCY,
  params: LatencyParams,
  async prepare(params, target, ctx) {
    warn(ctx, NET_LATENCY);
    return netProxy.prepare({ mode: "latency", ...params }, target, ctx);
  },
  describe: proxyDescribe,
};
