// Pure parts of orders-db under Patroni: each node's patroni.yml and etcd's
// command line, from the stack's declaration. Kept free of I/O so they can be
// unit-tested. Data directories are the same as pg_auto_failover's
// (<state>/pg/<node>), so orphan and stale-pidfile handling is shared.
import { join } from "node:path";
import type { PatroniDecl } from "../declaration.ts";
import type { EnvPaths } from "../paths.ts";
import { PG_BIN, dataDir } from "../pg/conf.ts";

export const ETCD = "/usr/bin/etcd";

export const patroniDir = (paths: EnvPaths) => join(paths.pg, "patroni");
export const patroniConfigFile = (paths: EnvPaths, node: string) => join(patroniDir(paths), `${node}.yml`);
export const etcdDataDir = (paths: EnvPaths) => join(paths.pg, "etcd");

export function etcdArgs(p: PatroniDecl, paths: EnvPaths): string[] {
  const client = `http://${p.host}:${p.etcdPort}`;
  const peer = `http://${p.host}:${p.etcdPort + 1}`;
  return [
    "--name", "etcd", "--data-dir", etcdDataDir(paths),
    "--listen-client-urls", client, "--advertise-client-urls", client,
    "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", `etcd=${peer}`,
    "--log-level", "warn",
  ];
}

// Trust on 127.0.0.1 and our socket directory only: a drill env on one machine,
// as pg_auto_failover's is (`--auth trust`). Never use this beyond a local drill environment.
const HBA = ["local all all trust", "host all all 127.0.0.1/32 trust", "host replication all 127.0.0.1/32 trust"];

/** One node's patroni.yml as an object (the caller writes it as YAML). */
export function patroniConfig(p: PatroniDecl, paths: EnvPaths, node: { name: string; port: number; restApiPort: number }): Record<string, unknown> {
  const t = p.timing;
  return {
    scope: p.scope,
    name: node.name,
    restapi: { listen: `${p.host}:${node.restApiPort}`, connect_address: `${p.host}:${node.restApiPort}` },
    etcd3: { hosts: [`${p.host}:${p.etcdPort}`] },
    bootstrap: {
      dcs: {
        ttl: t.ttlSeconds,
        loop_wait: t.loopWaitSeconds,
        retry_timeout: t.retryTimeoutSeconds,
        maximum_lag_on_failover: t.maximumLagOnFailoverBytes,
        synchronous_mode: t.synchronousMode,
        postgresql: { use_pg_rewind: true, parameters: { wal_log_hints: "on", max_wal_senders: 10, max_replication_slots: 10, hot_standby: "on" } },
      },
      // --no-sync: syncing ~1,500 new files took 2–3 s here; a host crash during `env up` means running it again.
      initdb: [{ encoding: "UTF8" }, { locale: "C.UTF-8" }, "no-sync"],
    },
    postgresql: {
      listen: `${p.host}:${node.port}`,
      connect_address: `${p.host}:${node.port}`,
      data_dir: dataDir(paths, node.name),
      bin_dir: PG_BIN,
      pg_hba: HBA,
      pgpass: join(patroniDir(paths), `${node.name}.pgpass`),
      authentication: { superuser: { username: "postgres" }, replication: { username: "postgres" }, rewind: { username: "postgres" } },
      parameters: {
        unix_socket_directories: paths.pgSockets,
        logging_collector: "on",
        // PostgreSQL's own log (<state>/pg/patroni/<node>-postgresql.log): where promotions are written.
        log_directory: patroniDir(paths),
        log_filename: `${node.name}-postgresql.log`,
        log_line_prefix: "%m [%p] ",
      },
    },
  };
}
