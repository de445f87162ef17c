// orders-db on this machine, the second way: PostgreSQL 15 under Patroni with a
// one-member etcd as its DCS (Debian's `patroni` and `etcd-server`). Selected
// in the local stack's config (`continuity-drill:ordersDb.manager: patroni`,
// see Pulumi.local-patroni.yaml); `drill env up` reads this resource's inputs
// from the resource graph and starts it.
import { z } from "zod";
import * as pulumi from "@pulumi/pulumi";
import { inputError } from "../../core/errors.ts";
import { NamedPort, Port } from "./named-port.ts";

/**
 * Patroni's failover timing: the `bootstrap.dcs` settings it writes into the
 * DCS when the cluster is first created (Patroni docs, "Dynamic configuration
 * settings"). Whole seconds, as Patroni reads them.
 *
 * - `ttlSeconds`: how long the leader key lives without renewal. A dead or hung
 *   leader is replaced at most ~ttl after its last renewal: this bounds RTO
 *   from below for node loss and hang. Patroni's default 30; ours 10.
 * - `loopWaitSeconds`: how often each Patroni runs its HA loop (renews the key,
 *   checks its PostgreSQL). Default 10; ours 2.
 * - `retryTimeoutSeconds`: how long DCS and PostgreSQL operations are retried
 *   before the leader demotes itself. Default 10; ours 4. Patroni requires
 *   ttl ≥ loop_wait + 2 × retry_timeout, else a leader could lose the key while
 *   still retrying (checked here).
 * - `synchronousMode`: commit waits for a synchronous standby, and only that
 *   standby may be promoted — orders-db's RPO of 0. Patroni's default false.
 *   Non-strict: with the standby gone the primary goes on alone (availability
 *   over a second copy), as pg_auto_failover does.
 * - `maximumLagOnFailoverBytes`: a replica further behind than this is never
 *   promoted (asynchronous mode's bound on lost data). Default 1 MiB.
 *
 * The trade-off of short timers: a leader that stalls for longer than ttl (a
 * long fsync, a starved host) is failed over although it would have come back.
 */
export const PatroniTiming = z.object({
  ttlSeconds: z.number().int().min(5).describe("Leader key lifetime, s (Patroni ttl)"),
  loopWaitSeconds: z.number().int().min(1).describe("HA loop period, s (Patroni loop_wait)"),
  retryTimeoutSeconds: z.number().int().min(1).describe("DCS/PostgreSQL retry bound, s (Patroni retry_timeout)"),
  synchronousMode: z.boolean().describe("Patroni synchronous_mode: commits wait for a synchronous standby"),
  maximumLagOnFailoverBytes: z.number().int().min(0).describe("A replica further behind is never promoted, bytes (maximum_lag_on_failover)"),
}).refine((t) => t.ttlSeconds >= t.loopWaitSeconds + 2 * t.retryTimeoutSeconds, {
  message: "ttlSeconds must be at least loopWaitSeconds + 2 × retryTimeoutSeconds (Patroni's own rule)",
  path: ["ttlSeconds"],
});
export type PatroniTiming = z.infer<typeof PatroniTiming>;

/** Second-scale failover: node loss measured here ~10 s (see docs/patroni.md). */
export const TUNED_PATRONI_TIMING: PatroniTiming = {
  ttlSeconds: 10,
  loopWaitSeconds: 2,
  retryTimeoutSeconds: 4,
  synchronousMode: true,
  maximumLagOnFailoverBytes: 1_048_576,
};

/** A data node: its PostgreSQL port and its Patroni REST API port. */
export const PatroniNode = NamedPort.extend({ restApiPort: Port });
export type PatroniNode = z.infer<typeof PatroniNode>;

/** The inputs a PatroniHa records (timing filled in): what `drill env up` reads back and starts. */
export const PatroniHaInputs = z.object({
  host: z.string(),
  database: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  /** Patroni's `scope`: the cluster's name in the DCS. */
  scope: z.string().regex(/^[a-z0-9-]+$/),
  /** etcd's client port; its peer port is the next one. */
  etcdPort: Port,
  nodes: z.array(PatroniNode).min(2),
  timing: PatroniTiming,
  /**
   * The `patroni` program to run, absolute or relative to the project: Debian's
   * /usr/bin/patroni (3.0.2 on bookworm) by default, or e.g. the PyPI release
   * that `bash scripts/patroni-venv.sh` installs (.cache/patroni-venv/bin/patroni),
   * to compare versions. It must be runnable by the `postgres` OS user.
   */
  executable: z.string().min(1),
});
/** Debian's Patroni. */
export const DEBIAN_PATRONI = "/usr/bin/patroni";
/** What a program passes: the inputs, with `timing` (default TUNED_PATRONI_TIMING) and `executable` (default DEBIAN_PATRONI) optional. */
export const PatroniHaArgs = PatroniHaInputs.partial({ timing: true, executable: true });
export type PatroniHaArgs = z.infer<typeof PatroniHaArgs>;

export const PATRONI_HA_TYPE = "continuity-drill:local:PatroniHa";

export class PatroniHa extends pulumi.ComponentResource {
  /** Multi-host URL that only ever connects to the current primary. */
  public readonly clientUrl: pulumi.Output<string>;
  /** Each node's PostgreSQL address, its REST API (`<node>-api`) and etcd. */
  public readonly endpoints: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: PatroniHaArgs, opts?: pulumi.ComponentResourceOptions) {
    const timing = args.timing ?? TUNED_PATRONI_TIMING;
    const executable = args.executable ?? DEBIAN_PATRONI;
    const checked = PatroniHaInputs.safeParse({ ...args, timing, executable });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw inputError(`PatroniHa "${name}": ${issue.path.join(".")}: ${issue.message}`, { field: issue.path.join(".") });
    }
    super(PATRONI_HA_TYPE, name, { ...args, timing, executable }, opts);
    const hosts = args.nodes.map((n) => `${args.host}:${n.port}`).join(",");
    this.clientUrl = pulumi.output(`postgres://postgres@${hosts}/${args.database}?target_session_attrs=primary`);
    this.endpoints = pulumi.output<Record<string, string>>({
      etcd: `${args.host}:${args.etcdPort}`,
      ...Object.fromEntries(args.nodes.map((n) => [n.name, `${args.host}:${n.port}`])),
      ...Object.fromEntries(args.nodes.map((n) => [`${n.name}-api`, `http://${args.host}:${n.restApiPort}`])),
    });
    this.registerOutputs({ clientUrl: this.clientUrl, endpoints: this.endpoints });
  }
}
