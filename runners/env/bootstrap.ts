// The Debian packages the local env runs on. Fast when all are there (one
// binary check each); when some are missing, root installs them with apt-get,
// anyone else gets the exact command to run. The services some of these
// packages start on install (a default cluster on 5432, redis on 6379, haproxy)
// use other ports and are left alone.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { environmentError } from "../../core/errors.ts";
import { isRoot } from "./os-user.ts";

const run = promisify(execFile);

export const PACKAGES: { name: string; binary: string; service: string }[] = [
  { name: "postgresql-15", binary: "/usr/lib/postgresql/15/bin/postgres", service: "orders-db" },
  { name: "postgresql-15-auto-failover", binary: "/usr/bin/pg_autoctl", service: "orders-db" },
  { name: "redis-server", binary: "/usr/bin/redis-server", service: "sessions-cache" },
  { name: "redis-sentinel", binary: "/usr/bin/redis-sentinel", service: "sessions-cache" },
  { name: "haproxy", binary: "/usr/sbin/haproxy", service: "web" },
  { name: "iptables", binary: "/usr/sbin/iptables", service: "network faults" },
];

/** Packages only a stack that chooses them needs: orders-db under Patroni (Pulumi.local-patroni.yaml). */
export const OPTIONAL_PACKAGES = {
  patroni: [
    { name: "patroni", binary: "/usr/bin/patroni", service: "orders-db (patroni)" },
    { name: "etcd-server", binary: "/usr/bin/etcd", service: "orders-db (patroni)" },
  ],
  /** Patroni from elsewhere (ordersDb.patroniExecutable): only etcd is Debian's. */
  etcd: [{ name: "etcd-server", binary: "/usr/bin/etcd", service: "orders-db (patroni)" }],
} as const;
export type OptionalPart = keyof typeof OPTIONAL_PACKAGES;

export const missingPackages = (exists: (path: string) => boolean = existsSync, parts: readonly OptionalPart[] = []) =>
  [...PACKAGES, ...parts.flatMap((part) => OPTIONAL_PACKAGES[part])].filter((p) => !exists(p.binary));

export const installCommand = (names: string[]) => `apt-get update && apt-get install -y --no-install-recommends ${names.join(" ")}`;

export async function ensurePackages(onProgress: (m: string) => void = () => {}, parts: readonly OptionalPart[] = []): Promise<void> {
  const missing = missingPackages(existsSync, parts);
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  if (!isRoot()) {
    throw environmentError(`missing Debian packages for the local env: ${missing.map((p) => `${p.name} (${p.service})`).join(", ")}. Install them as root: sudo sh -c '${installCommand(names)}'`);
  }
  onProgress(`installing ${names.join(", ")} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    await run("apt-get", ["update"], { env, maxBuffer: 64 << 20 });
    await run("apt-get", ["install", "-y", "--no-install-recommends", ...names], { env, maxBuffer: 64 << 20 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim().split("\n").slice(-3).join(" / ");
    throw environmentError(`apt-get could not install ${names.join(", ")}: ${stderr || (error as Error).message}`, {}, error);
  }
  const still = missingPackages(existsSync, parts);
  if (still.length > 0) throw environmentError(`after apt-get install, still missing: ${still.map((p) => p.binary).join(", ")}`);
}
