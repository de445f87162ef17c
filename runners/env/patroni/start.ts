// Starting orders-db under Patroni: etcd (one member, the DCS), then the first
// node's Patroni (it bootstraps the cluster and becomes leader), the orders
// database and table on it, then the others (cloned from the leader by
// pg_basebackup). Every program runs as the postgres OS user when we are root.
import { chownSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";
import { environmentError } from "../../../core/errors.ts";
import { ORDERS_DDL } from "../../../stacks/local/app/schema.ts";
import { startRecorded, type Ctx } from "../context.ts";
import { patroniOf } from "../declaration.ts";
import { waitOrdersDb } from "../wait-orders-db.ts";
import { postgresUser } from "../os-user.ts";
import { preparePgDirs } from "../pg/dirs.ts";
import { queryOnce } from "../pg/sql.ts";
import { resolve } from "node:path";
import { REPO_ROOT } from "../paths.ts";
import { ETCD, etcdArgs, etcdDataDir, patroniConfig, patroniConfigFile, patroniDir } from "./conf.ts";
import { PG_BIN } from "../pg/conf.ts";

function ownDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const user = postgresUser();
  if (user) chownSync(dir, user.uid, user.gid);
}

export async function startEtcd(ctx: Ctx): Promise<void> {
  const p = patroniOf(ctx.decl);
  ownDir(etcdDataDir(ctx.paths));
  ctx.progress(`orders-db: starting etcd on 127.0.0.1:${p.etcdPort}`);
  const user = postgresUser();
  await startRecorded(ctx, { node: "etcd", service: "orders-db", command: ETCD, args: etcdArgs(p, ctx.paths), cwd: ctx.paths.pg, marker: etcdDataDir(ctx.paths), ...(user ? { user } : {}) });
  await waitOrdersDb(ctx, "etcd", ["etcd"], async () => {
    const ok = await fetch(`http://${p.host}:${p.etcdPort}/health`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
    return ok ? undefined : `etcd not answering on 127.0.0.1:${p.etcdPort}`;
  });
}

/** Start (or restart) one node's Patroni; on an existing data dir it rejoins (pg_rewind if needed). */
export async function startPatroniNode(ctx: Ctx, name: string): Promise<void> {
  const p = patroniOf(ctx.decl);
  const node = p.nodes.find((n) => n.name === name)!;
  const file = patroniConfigFile(ctx.paths, name);
  writeFileSync(file, stringify(patroniConfig(p, ctx.paths, node)));
  const user = postgresUser();
  if (user) chownSync(file, user.uid, user.gid);
  const executable = resolve(REPO_ROOT, p.executable);
  if (!existsSync(executable)) {
    throw environmentError(`orders-db: the patroni program ${executable} does not exist (continuity-drill:ordersDb.patroniExecutable in Pulumi.${ctx.decl.stack}.yaml; PyPI's: bash scripts/patroni-venv.sh)`, { field: "continuity-drill:ordersDb.patroniExecutable" });
  }
  ctx.progress(`orders-db: starting Patroni ${name} (PostgreSQL 127.0.0.1:${node.port}, REST :${node.restApiPort})`);
  await startRecorded(ctx, {
    node: name, service: "orders-db", command: executable, args: [file], cwd: patroniDir(ctx.paths), marker: file,
    // Not our PATH: the postgres user may not be able to read its entries.
    env: { PATH: `${PG_BIN}:/usr/sbin:/usr/bin:/sbin:/bin`, HOME: patroniDir(ctx.paths), LC_ALL: "C.UTF-8" },
    ...(user ? { user } : {}),
  });
}

async function createOrders(ctx: Ctx, node: { name: string; port: number }): Promise<void> {
  const p = patroniOf(ctx.decl);
  await waitOrdersDb(ctx, `${node.name} bootstrap`, ["etcd", node.name], async () => {
    const rows = await queryOnce<{ r: boolean }>(node.port, "postgres", "select pg_is_in_recovery() as r", 1_000).catch(() => []);
    return rows[0]?.r === false ? undefined : `${node.name} not yet a writable leader`;
  });
  try {
    const exists = await queryOnce(node.port, "postgres", `select 1 from pg_database where datname = '${p.database}'`, 5_000);
    if (exists.length === 0) await queryOnce(node.port, "postgres", `create database ${p.database}`, 30_000);
    await queryOnce(node.port, p.database, ORDERS_DDL, 10_000);
  } catch (error) {
    throw environmentError(`orders-db: could not create the ${p.database} database and orders table on ${node.name}: ${(error as Error).message}`, {}, error);
  }
}

export async function startPatroni(ctx: Ctx): Promise<void> {
  const [first, ...rest] = patroniOf(ctx.decl).nodes;
  preparePgDirs(ctx.paths, postgresUser());
  ownDir(patroniDir(ctx.paths));
  await startEtcd(ctx);
  // The first node bootstraps alone, so that the declared primary is the one that becomes leader.
  await startPatroniNode(ctx, first!.name);
  await createOrders(ctx, first!);
  for (const n of rest) await startPatroniNode(ctx, n.name);
}
