// orders-db's HA manager, chosen in the local stack's config:
// `continuity-drill:ordersDb.manager` is "pg_auto_failover" (default: a
// monitor and synchronous standbys) or "patroni" (Patroni + etcd). The plan
// entry is the same service either way; what performs the failover, its
// endpoints and the runbook's commands follow the manager.
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { inputError } from "../../core/errors.ts";
import type { RunbookStepT } from "../lib/types.ts";
import { PostgresHa, type PgNode } from "./postgres-ha.ts";
import { PatroniHa, PatroniTiming, TUNED_PATRONI_TIMING as TUNED, type PatroniNode } from "./patroni-ha.ts";

/** `continuity-drill:ordersDb` as the local stack's config gives it. */
export interface OrdersDbConfig {
  database: string;
  /** Default "pg_auto_failover". */
  manager?: "pg_auto_failover" | "patroni";
  /** pg_auto_failover's monitor port (pg_auto_failover only). */
  monitorPort?: number;
  /** etcd's client port (patroni only; the peer port is the next one). */
  etcdPort?: number;
  /** Data nodes; with patroni each also has `restApiPort`. */
  nodes: (PgNode & { restApiPort?: number })[];
  /** Patroni's timing (patroni only; default TUNED_PATRONI_TIMING). */
  patroni?: Partial<PatroniTiming>;
  /** The patroni program (patroni only; default Debian's /usr/bin/patroni), e.g. .cache/patroni-venv/bin/patroni. */
  patroniExecutable?: string;
}

export interface OrdersDbCluster {
  resource: pulumi.ComponentResource;
  clientUrl: pulumi.Output<string>;
  endpoints: pulumi.Output<Record<string, string>>;
  via: string;
  /** pg_auto_failover's standbys are synchronous; Patroni's as its timing's synchronousMode says. */
  replication: "synchronous" | "asynchronous";
  runbook: RunbookStepT[];
}

const FIELD = "continuity-drill:ordersDb";

// The config's shape, strict: a key Patroni users might write in Patroni's own
// words (`ttl` for `ttlSeconds`) would otherwise be dropped without a word.
const ConfigShape = z.strictObject({
  database: z.string(),
  manager: z.string().optional(),
  monitorPort: z.number().optional(),
  etcdPort: z.number().optional(),
  nodes: z.array(z.strictObject({ name: z.string(), port: z.number(), restApiPort: z.number().optional() })).min(2),
  patroni: z.strictObject({
    ttlSeconds: z.number().optional(), loopWaitSeconds: z.number().optional(), retryTimeoutSeconds: z.number().optional(),
    synchronousMode: z.boolean().optional(), maximumLagOnFailoverBytes: z.number().optional(),
  }).optional(),
  patroniExecutable: z.string().optional(),
});

/**
 * orders-db's cluster from `continuity-drill:ordersDb`. Bad config throws an
 * input DrillError naming `file` (default: the stack's Pulumi.<stack>.yaml as
 * the caller says) and the key, e.g. `continuity-drill:ordersDb.nodes.1.restApiPort`.
 */
export function ordersDbCluster(host: string, db: OrdersDbConfig, file = "the stack's config"): OrdersDbCluster {
  const shape = ConfigShape.safeParse(db);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    const key = [FIELD, ...issue.path.map(String)].join(".");
    const what = issue.code === "unrecognized_keys" ? `unknown key(s) ${issue.keys.join(", ")}` : issue.message;
    throw inputError(`${file}: ${key}: ${what}`, { file, field: key });
  }
  try {
    return clusterOf(host, db);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(FIELD)) throw inputError(`${file}: ${error.message}`, { file, field: (error as { where?: { field?: string } }).where?.field ?? FIELD }, error);
    throw error;
  }
}

function clusterOf(host: string, db: OrdersDbConfig): OrdersDbCluster {
  const manager = db.manager ?? "pg_auto_failover";
  if (manager === "patroni") return patroniCluster(host, db);
  if (manager !== "pg_auto_failover") throw inputError(`${FIELD}.manager: "${String(manager)}" is not one of pg_auto_failover, patroni`, { field: `${FIELD}.manager` });
  if (db.monitorPort === undefined) throw inputError(`${FIELD}.monitorPort: required with manager pg_auto_failover`, { field: `${FIELD}.monitorPort` });
  for (const key of ["etcdPort", "patroni", "patroniExecutable"] as const) {
    if (db[key] !== undefined) throw inputError(`${FIELD}.${key}: only with manager patroni (this stack's manager is pg_auto_failover)`, { field: `${FIELD}.${key}` });
  }
  const pg = new PostgresHa("orders-db-cluster", { host, database: db.database, monitorPort: db.monitorPort, nodes: db.nodes.map(({ name, port }) => ({ name, port })) });
  const monitor = `postgres://autoctl_node@${host}:${db.monitorPort}/pg_auto_failover`;
  return {
    resource: pg, clientUrl: pg.clientUrl, endpoints: pg.endpoints, via: "pg_auto_failover", replication: "synchronous",
    runbook: [
      { step: "pg_auto_failover's monitor detects the primary's loss and promotes the synchronous standby", role: "automation", automated: true },
      { step: "Confirm the new primary: pg_autoctl show state", role: "dba", automated: false, target: "5m" },
      { step: "Bring the failed node back as a secondary: drill env heal", role: "dba", automated: false, target: "15m" },
      { step: `Planned switchover by hand: runuser -u postgres -- pg_autoctl perform switchover --monitor ${monitor}`, role: "dba", automated: false, target: "2m" },
    ],
  };
}

function patroniCluster(host: string, db: OrdersDbConfig): OrdersDbCluster {
  if (db.etcdPort === undefined) throw inputError(`${FIELD}.etcdPort: required with manager patroni`, { field: `${FIELD}.etcdPort` });
  if (db.monitorPort !== undefined) throw inputError(`${FIELD}.monitorPort: only with manager pg_auto_failover (this stack's manager is patroni)`, { field: `${FIELD}.monitorPort` });
  const nodes: PatroniNode[] = db.nodes.map((n, i) => {
    if (n.restApiPort === undefined) throw inputError(`${FIELD}.nodes[${i}].restApiPort: required with manager patroni (Patroni's REST API port)`, { field: `${FIELD}.nodes[${i}].restApiPort` });
    return { name: n.name, port: n.port, restApiPort: n.restApiPort };
  });
  const timing = PatroniTiming.safeParse({ ...TUNED, ...db.patroni });
  if (!timing.success) {
    const issue = timing.error.issues[0]!;
    throw inputError(`${FIELD}.patroni.${issue.path.join(".")}: ${issue.message}`, { field: `${FIELD}.patroni.${issue.path.join(".")}` });
  }
  const pg = new PatroniHa("orders-db-cluster", {
    host, database: db.database, scope: "orders-db", etcdPort: db.etcdPort, nodes,
    ...(db.patroni ? { timing: { ...TUNED, ...db.patroni } } : {}),
    ...(db.patroniExecutable ? { executable: db.patroniExecutable } : {}),
  });
  const ctl = `patronictl --dcs-url etcd3://${host}:${db.etcdPort}`;
  return {
    resource: pg, clientUrl: pg.clientUrl, endpoints: pg.endpoints, via: "patroni", replication: timing.data.synchronousMode ? "synchronous" : "asynchronous",
    runbook: [
      { step: "The leader's key expires in etcd; Patroni promotes the synchronous standby", role: "automation", automated: true },
      { step: `Confirm the new leader: ${ctl} list orders-db`, role: "dba", automated: false, target: "5m" },
      { step: "Bring the failed node back as a replica (Patroni rewinds it): drill env heal", role: "dba", automated: false, target: "15m" },
      { step: `Planned switchover by hand: ${ctl} switchover orders-db --force`, role: "dba", automated: false, target: "2m" },
    ],
  };
}
