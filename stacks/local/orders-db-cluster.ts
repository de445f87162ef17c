// orders-db's HA manager, chosen in the local stack's config:
// `continuity-drill:ordersDb.manager` is "pg_auto_failover" (default: a
// monitor and synchronous standbys) or "patroni" (Patroni + etcd). The plan
// entry is the same service either way; what performs the failover, its
// endpoints and the runbook's commands follow the manager.
import type * as pulumi from "@pulumi/pulumi";
import { inputError } from "../../core/errors.ts";
import type { RunbookStepT } from "../lib/types.ts";
import { PostgresHa, type PgNode } from "./postgres-ha.ts";
import { PatroniHa, TUNED_PATRONI_TIMING as TUNED, type PatroniNode, type PatroniTiming } from "./patroni-ha.ts";

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
  runbook: RunbookStepT[];
}

const FIELD = "continuity-drill:ordersDb";

export function ordersDbCluster(host: string, db: OrdersDbConfig): OrdersDbCluster {
  const manager = db.manager ?? "pg_auto_failover";
  if (manager === "patroni") return patroniCluster(host, db);
  if (manager !== "pg_auto_failover") throw inputError(`${FIELD}.manager: "${String(manager)}" is not one of pg_auto_failover, patroni`, { field: `${FIELD}.manager` });
  if (db.monitorPort === undefined) throw inputError(`${FIELD}.monitorPort: required with manager pg_auto_failover`, { field: `${FIELD}.monitorPort` });
  const pg = new PostgresHa("orders-db-cluster", { host, database: db.database, monitorPort: db.monitorPort, nodes: db.nodes.map(({ name, port }) => ({ name, port })) });
  const monitor = `postgres://autoctl_node@${host}:${db.monitorPort}/pg_auto_failover`;
  return {
    resource: pg, clientUrl: pg.clientUrl, endpoints: pg.endpoints, via: "pg_auto_failover",
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
  const nodes: PatroniNode[] = db.nodes.map((n, i) => {
    if (n.restApiPort === undefined) throw inputError(`${FIELD}.nodes[${i}].restApiPort: required with manager patroni (Patroni's REST API port)`, { field: `${FIELD}.nodes[${i}].restApiPort` });
    return { name: n.name, port: n.port, restApiPort: n.restApiPort };
  });
  const pg = new PatroniHa("orders-db-cluster", {
    host, database: db.database, scope: "orders-db", etcdPort: db.etcdPort, nodes,
    ...(db.patroni ? { timing: { ...TUNED, ...db.patroni } } : {}),
    ...(db.patroniExecutable ? { executable: db.patroniExecutable } : {}),
  });
  const ctl = `patronictl --dcs-url etcd3://${host}:${db.etcdPort}`;
  return {
    resource: pg, clientUrl: pg.clientUrl, endpoints: pg.endpoints, via: "patroni",
    runbook: [
      { step: "The leader's key expires in etcd; Patroni promotes the synchronous standby", role: "automation", automated: true },
      { step: `Confirm the new leader: ${ctl} list orders-db`, role: "dba", automated: false, target: "5m" },
      { step: "Bring the failed node back as a replica (Patroni rewinds it): drill env heal", role: "dba", automated: false, target: "15m" },
      { step: `Planned switchover by hand: ${ctl} switchover orders-db --force`, role: "dba", automated: false, target: "2m" },
    ],
  };
}
