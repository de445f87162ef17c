// A Patroni + etcd cluster that a test starts by itself, the way a user runs
// their own system (Debian's patroni and etcd-server; PostgreSQL 15 as the
// `postgres` user), on 127.0.0.1 with non-default ports. Nothing of our env
// code is used. Each Patroni is supervised like systemd's Restart=always: when
// a fault kills it, it is started again after `restartAfterMs`, so the cluster
// heals itself as a real one would. Timing: ttl 10 s, loop_wait 2 s.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { waitUntil } from "./wait-until.ts";

export interface PatroniNode {
  name: string;
  pgPort: number;
  restPort: number;
  dir: string;
  dataDir: string;
  /** PostgreSQL's own log (log_line_prefix '%m [%p] '). */
  pgLog: string;
  url: string;
  restUrl: string;
}

export interface PatroniCluster {
  nodes: PatroniNode[];
  etcdPort: number;
  /** The node holding the leader key now, from /cluster of any member. */
  leader(): Promise<string | undefined>;
  /** Stop supervising a node and stop it (to make the cluster degraded). */
  stopNode(name: string): Promise<void>;
  startNode(name: string): void;
  /** Wait until every node runs and every replica streams. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  destroy(): Promise<void>;
}

const BIN = "/usr/lib/postgresql/15/bin";
const ids = () => ({ uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })) });

/**
 * `patroni`: the Patroni executable (default Debian's `patroni`; e.g. a PyPI
 * venv's bin/patroni to compare versions). `restartAfterMs`: how long a
 * killed Patroni stays down before its "supervisor" starts it again.
 */
export async function startPatroniCluster(opts: { basePort: number; size?: number; restartAfterMs?: number; synchronous?: boolean; patroni?: string }): Promise<PatroniCluster> {
  const user = ids();
  // Patroni runs as `postgres`: a binary it cannot execute (e.g. a venv on a Python under /root) would
  // otherwise surface only as "not at full redundancy" two minutes later.
  try {
    execFileSync("runuser", ["-u", "postgres", "--", opts.patroni ?? "patroni", "--version"], { stdio: "ignore", timeout: 30_000 });
  } catch (error) {
    throw new Error(`the postgres user cannot run ${opts.patroni ?? "patroni"} --version: ${(error as Error).message}`);
  }
  const root = await mkdtemp(join(tmpdir(), "cd-patroni-"));
  chownSync(root, user.uid, user.gid);
  const etcdPort = opts.basePort + 90;
  const etcd = spawnOwned("etcd", ["--name", "e1", "--data-dir", join(root, "etcd"), "--listen-client-urls", `http://127.0.0.1:${etcdPort}`, "--advertise-client-urls", `http://127.0.0.1:${etcdPort}`,
    "--listen-peer-urls", `http://127.0.0.1:${etcdPort + 1}`, "--initial-advertise-peer-urls", `http://127.0.0.1:${etcdPort + 1}`, "--initial-cluster", `e1=http://127.0.0.1:${etcdPort + 1}`, "--log-level", "warn"], {}, join(root, "etcd.log"));
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${etcdPort}/health`)).ok, 20_000, "etcd");
  const nodes: PatroniNode[] = [];
  for (let i = 0; i < (opts.size ?? 3); i++) {
    const name = `pg${i + 1}`;
    const dir = join(root, name);
    mkdirSync(dir);
    chownSync(dir, user.uid, user.gid);
    const node: PatroniNode = { name, pgPort: opts.basePort + i, restPort: opts.basePort + 10 + i, dir, dataDir: join(dir, "data"), pgLog: join(dir, "postgresql.log"),
      url: `postgres://postgres:pg@127.0.0.1:${opts.basePort + i}/postgres`, restUrl: `http://127.0.0.1:${opts.basePort + 10 + i}` };
    writeFileSync(join(dir, "patroni.yml"), stringify(config(node, etcdPort, opts.synchronous ?? false)));
    chownSync(join(dir, "patroni.yml"), user.uid, user.gid);
    nodes.push(node);
  }
  const procs = new Map<string, { child?: ChildProcess; supervised: boolean }>();
  let ending = false;
  const start = (node: PatroniNode): void => {
    const entry = procs.get(node.name) ?? { supervised: true };
    entry.supervised = true;
    entry.child = spawnOwned(opts.patroni ?? "patroni", [join(node.dir, "patroni.yml")], { ...user, cwd: node.dir }, join(node.dir, "patroni.log"));
    entry.child.once("exit", () => {
      if (!ending && entry.supervised) setTimeout(() => !ending && entry.supervised && start(node), opts.restartAfterMs ?? 1_000);
    });
    procs.set(node.name, entry);
  };
  nodes.forEach(start);
  const cluster: PatroniCluster = {
    nodes,
    etcdPort,
    async leader() {
      for (const n of nodes) {
        try {
          const body = (await (await fetch(`${n.restUrl}/cluster`, { signal: AbortSignal.timeout(1_000) })).json()) as { members: { name: string; role: string }[] };
          return body.members.find((m) => m.role === "leader")?.name;
        } catch {
          // try the next member
        }
      }
      return undefined;
    },
    async stopNode(name) {
      const entry = procs.get(name)!;
      entry.supervised = false;
      await stopChild(entry.child, nodes.find((n) => n.name === name)!);
    },
    startNode: (name) => start(nodes.find((n) => n.name === name)!),
    async waitHealthy(timeoutMs = 90_000) {
      await waitUntil(async () => {
        const r = await fetch(`${nodes[0]!.restUrl}/cluster`, { signal: AbortSignal.timeout(1_000) });
        const members = ((await r.json()) as { members: { role: string; state: string; lag?: unknown }[] }).members;
        return members.length === nodes.length && members.filter((m) => m.role === "leader").length === 1 && members.every((m) => m.state === "running" || m.state === "streaming") && members.every((m) => m.role === "leader" || typeof m.lag === "number");
      }, timeoutMs, "patroni cluster at full redundancy");
    },
    async destroy() {
      ending = true;
      for (const n of nodes) await stopChild(procs.get(n.name)?.child, n);
      etcd.kill("SIGTERM");
      await new Promise((ok) => (etcd.exitCode === null ? etcd.once("exit", ok) : ok(undefined)));
      await rm(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

function spawnOwned(cmd: string, args: string[], o: { uid?: number; gid?: number; cwd?: string }, logFile: string): ChildProcess {
  writeFileSync(logFile, "");
  if (o.uid !== undefined) chownSync(logFile, o.uid, o.gid!);
  const out = openSync(logFile, "a");
  return spawn(cmd, args, { ...o, detached: true, stdio: ["ignore", out, out], env: { PATH: process.env.PATH ?? "", LC_ALL: "C.UTF-8", HOME: o.cwd ?? tmpdir() } });
}


/** Stop a Patroni and, whatever state it is in, the PostgreSQL it started (double-forked: found by its pidfile). */
async function stopChild(child: ChildProcess | undefined, node: PatroniNode): Promise<void> {
  if (child && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid!, "SIGCONT");
      child.kill("SIGTERM");
    } catch {
      // gone
    }
    const exited = new Promise((ok) => child.once("exit", ok));
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  const pidfile = join(node.dataDir, "postmaster.pid");
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, "utf8").split("\n")[0]);
  // PIDs are reused: only a postgres whose command line names this data directory.
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return;
  }
  if (!cmdline.includes("postgres") || !cmdline.includes(node.dataDir)) return;
  process.kill(pid, "SIGCONT");
  process.kill(pid, "SIGQUIT");
  await waitUntil(async () => !existsSync(`/proc/${pid}`), 10_000, `postgres of ${node.name} to stop`).catch(() => process.kill(pid, "SIGKILL"));
}

function config(node: PatroniNode, etcdPort: number, synchronous: boolean): Record<string, unknown> {
  return {
    scope: "drilltest",
    name: node.name,
    restapi: { listen: `127.0.0.1:${node.restPort}`, connect_address: `127.0.0.1:${node.restPort}` },
    etcd3: { hosts: [`127.0.0.1:${etcdPort}`] },
    bootstrap: {
      dcs: { ttl: 10, loop_wait: 2, retry_timeout: 4, maximum_lag_on_failover: 1_048_576, synchronous_mode: synchronous, postgresql: { use_pg_rewind: true, parameters: { wal_log_hints: "on", max_wal_senders: 10, max_replication_slots: 10, hot_standby: "on" } } },
      initdb: [{ encoding: "UTF8" }, { locale: "C.UTF-8" }],
    },
    postgresql: {
      listen: `127.0.0.1:${node.pgPort}`,
      connect_address: `127.0.0.1:${node.pgPort}`,
      data_dir: node.dataDir,
      bin_dir: BIN,
      pg_hba: ["local all all trust", "host replication replicator 127.0.0.1/32 md5", "host all all 127.0.0.1/32 md5"],
      pgpass: join(node.dir, "pgpass"),
      authentication: { superuser: { username: "postgres", password: "pg" }, replication: { username: "replicator", password: "rep" }, rewind: { username: "postgres", password: "pg" } },
      parameters: { unix_socket_directories: node.dir, logging_collector: "on", log_directory: node.dir, log_filename: "postgresql.log", log_line_prefix: "%m [%p] ", fsync: "off" },
    },
  };
}
