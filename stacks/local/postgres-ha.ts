// orders-db on this machine: PostgreSQL 15 under pg_auto_failover — one monitor,
// two data nodes, synchronous replication as pg_auto_failover sets it up.
// `drill env up` reads this resource's inputs from the resource graph and starts it.
import { z } from "zod";
import { inputError } from "../../core/errors.ts";
import * as pulumi from "@pulumi/pulumi";
import { Ms, NamedPort, Port } from "./named-port.ts";

export type PgNode = NamedPort;

/**
 * Monitor timers (pgautofailover.* settings on the monitor). The defaults
 * (health check every 5 s, node unhealthy after 20 s, demote after 30 s) make a
 * failover take ~51 s here, longer than orders-db's RTO. These values make the
 * monitor decide within a few seconds. The trade-off: a primary that stalls for
 * longer than `nodeConsideredUnhealthyTimeoutMs` (a long checkpoint, a busy
 * host) is failed over although it would have come back — a needless failover,
 * never lost data, since the standby is synchronous and the old primary is
 * demoted before the new one is promoted.
 */
export const MonitorTimers = z.object({
  healthCheckPeriodMs: Ms,
  healthCheckTimeoutMs: Ms,
  healthCheckMaxRetries: z.number().int().min(0),
  healthCheckRetryDelayMs: Ms,
  nodeConsideredUnhealthyTimeoutMs: Ms,
  primaryDemoteTimeoutMs: Ms,
  startupGracePeriodMs: Ms,
});
export type MonitorTimers = z.infer<typeof MonitorTimers>;

export const TUNED_MONITOR_TIMERS: MonitorTimers = {
  healthCheckPeriodMs: 1_000,
  healthCheckTimeoutMs: 1_000,
  healthCheckMaxRetries: 1,
  healthCheckRetryDelayMs: 500,
  nodeConsideredUnhealthyTimeoutMs: 2_000,
  primaryDemoteTimeoutMs: 3_000,
  startupGracePeriodMs: 2_000,
};

/** The inputs a PostgresHa records (timers filled in): what `drill env up` reads back and starts. */
export const PostgresHaInputs = z.object({
  host: z.string(),
  database: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  monitorPort: Port,
  nodes: z.array(NamedPort).min(2),
  timers: MonitorTimers,
});
/** What a program passes: the inputs, with `timers` optional (default TUNED_MONITOR_TIMERS). */
export const PostgresHaArgs = PostgresHaInputs.partial({ timers: true });
export type PostgresHaArgs = z.infer<typeof PostgresHaArgs>;

export const POSTGRES_HA_TYPE = "continuity-drill:local:PostgresHa";

export class PostgresHa extends pulumi.ComponentResource {
  /** Multi-host URL that only ever connects to the current primary. */
  public readonly clientUrl: pulumi.Output<string>;
  public readonly endpoints: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: PostgresHaArgs, opts?: pulumi.ComponentResourceOptions) {
    if (args.nodes.length < 2) throw inputError(`PostgresHa "${name}": nodes needs at least two data nodes (got ${args.nodes.length})`);
    const timers = args.timers ?? TUNED_MONITOR_TIMERS;
    super(POSTGRES_HA_TYPE, name, { ...args, timers }, opts);
    const hosts = args.nodes.map((n) => `${args.host}:${n.port}`).join(",");
    // target_session_attrs=primary, not read-write: PG 15 standbys can wrongly pass read-write checks.
    this.clientUrl = pulumi.output(`postgres://postgres@${hosts}/${args.database}?target_session_attrs=primary`);
    this.endpoints = pulumi.output<Record<string, string>>({
      monitor: `${args.host}:${args.monitorPort}`,
      ...Object.fromEntries(args.nodes.map((n) => [n.name, `${args.host}:${n.port}`])),
    });
    this.registerOutputs({ clientUrl: this.clientUrl, endpoints: this.endpoints });
  }
}
