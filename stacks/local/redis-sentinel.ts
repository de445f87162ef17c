// sessions-cache on this machine: Redis 7 primary + replica watched by three
// Sentinels (quorum 2). Replication is asynchronous: a failover can lose the
// last writes the primary acknowledged but had not yet shipped.
import { z } from "zod";
import { inputError } from "../../core/errors.ts";
import * as pulumi from "@pulumi/pulumi";
import { Ms, NamedPort } from "./named-port.ts";

export { NamedPort } from "./named-port.ts";

/** The inputs a RedisSentinel records (defaults filled in): what `drill env up` reads back and starts. */
export const RedisSentinelInputs = z.object({
  host: z.string(),
  masterName: z.string().regex(/^[A-Za-z0-9_-]+$/),
  nodes: z.array(NamedPort).min(2),
  sentinels: z.array(NamedPort).min(1),
  quorum: z.number().int().min(1),
  /**
   * How long a primary must be unreachable before a Sentinel calls it down.
   * 1 s makes failover take ~2–3 s; lower values risk failovers on a GC pause or a
   * busy host, higher ones eat into sessions-cache's RTO.
   */
  downAfterMs: Ms,
  failoverTimeoutMs: Ms,
});
/** What a program passes: the inputs, with quorum (default 2), downAfterMs (1 000) and failoverTimeoutMs (5 000) optional. */
export const RedisSentinelArgs = RedisSentinelInputs.partial({ quorum: true, downAfterMs: true, failoverTimeoutMs: true });
export type RedisSentinelArgs = z.infer<typeof RedisSentinelArgs>;

export const REDIS_SENTINEL_TYPE = "continuity-drill:local:RedisSentinel";

export class RedisSentinel extends pulumi.ComponentResource {
  public readonly sentinelUrl: pulumi.Output<string>;
  public readonly endpoints: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: RedisSentinelArgs, opts?: pulumi.ComponentResourceOptions) {
    const quorum = args.quorum ?? 2;
    if (args.nodes.length < 2) throw inputError(`RedisSentinel "${name}": nodes needs a primary and at least one replica`);
    if (quorum > args.sentinels.length) {
      throw inputError(`RedisSentinel "${name}": quorum ${quorum} exceeds the ${args.sentinels.length} sentinels declared`);
    }
    super(REDIS_SENTINEL_TYPE, name, { ...args, quorum, downAfterMs: args.downAfterMs ?? 1_000, failoverTimeoutMs: args.failoverTimeoutMs ?? 5_000 }, opts);
    const sentinels = args.sentinels.map((s) => `${args.host}:${s.port}`).join(",");
    this.sentinelUrl = pulumi.output(`redis-sentinel://${sentinels}/${args.masterName}`);
    this.endpoints = pulumi.output(
      Object.fromEntries([...args.nodes, ...args.sentinels].map((n) => [n.name, `${args.host}:${n.port}`])),
    );
    this.registerOutputs({ sentinelUrl: this.sentinelUrl, endpoints: this.endpoints });
  }
}
