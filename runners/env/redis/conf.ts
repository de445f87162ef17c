// Pure parts of sessions-cache's setup: redis-server and redis-sentinel config
// files. Everything persistent (RDB temp files, Sentinel's rewritten config)
// stays in the node's directory under the env's state.
import { join } from "node:path";
import type { RedisDecl } from "../declaration.ts";
import type { EnvPaths } from "../paths.ts";

// The config file in the process title lets us tell our servers apart from any
// other redis-server on this machine by /proc/PID/cmdline alone.
const TITLE = 'proc-title-template "{title} {listen-addr} {server-mode} {config-file}"';

export const redisNodeDir = (paths: EnvPaths, node: string) => join(paths.redis, node);
export const redisConfFile = (paths: EnvPaths, node: string) => join(paths.redis, node, `${node}.conf`);

export function redisNodeConf(r: RedisDecl, paths: EnvPaths, node: { name: string; port: number }, replicaOf?: number): string {
  return [
    `port ${node.port}`,
    "bind 127.0.0.1",
    "protected-mode yes",
    "daemonize no",
    'logfile ""',
    `dir ${redisNodeDir(paths, node.name)}`,
    `dbfilename ${node.name}.rdb`,
    // No snapshots, no AOF: the cache's durability is its replica, as declared.
    'save ""',
    "appendonly no",
    // A master streams a full resync at once instead of waiting 5 s for more replicas.
    "repl-diskless-sync-delay 0",
    TITLE,
    ...(replicaOf ? [`replicaof ${r.host} ${replicaOf}`] : []),
    "",
  ].join("\n");
}

export function sentinelConf(r: RedisDecl, paths: EnvPaths, sentinel: { name: string; port: number }, masterPort: number): string {
  const m = r.masterName;
  return [
    `port ${sentinel.port}`,
    "bind 127.0.0.1",
    "daemonize no",
    'logfile ""',
    `dir ${redisNodeDir(paths, sentinel.name)}`,
    TITLE,
    "sentinel resolve-hostnames no",
    `sentinel monitor ${m} ${r.host} ${masterPort} ${r.quorum}`,
    `sentinel down-after-milliseconds ${m} ${r.downAfterMs}`,
    `sentinel failover-timeout ${m} ${r.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${m} 1`,
    "",
  ].join("\n");
}
