// Benchmarks of the embedded local env: `env up` from nothing, the failovers the
// HA software performs (as a client through HAProxy sees them), and `env heal`
// after a node loss. Leaves the env as it found it (up or down).
import { setTimeout as sleep } from "node:timers/promises";
import { envDown, envHeal, envStatus, envUp, nodeProcess, type EnvStatus } from "../runners/env/index.ts";
import type { BenchRow } from "./row.ts";

const WEB = "http://127.0.0.1:18080";

async function status(method: string, path: string, body?: string): Promise<number> {
  try {
    const res = await fetch(`${WEB}${path}`, { method, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

const roleOf = (s: EnvStatus, service: string, role: string) => s.members.find((m) => m.service === service && m.role === role)?.node;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

/** SIGKILL a node's process group, then ms until `ok()` holds (polled every 50 ms), bounded. */
async function killAndRecover(node: string, ok: () => Promise<boolean>, boundMs = 60_000): Promise<number> {
  const p = await nodeProcess(node);
  if (!p) throw new Error(`bench: no live process for ${node}`);
  const t0 = performance.now();
  process.kill(-(p.pgid ?? p.pid), "SIGKILL");
  while (performance.now() - t0 < boundMs) {
    if (await ok()) return performance.now() - t0;
    await sleep(50);
  }
  throw new Error(`bench: ${node}'s service did not recover within ${boundMs} ms`);
}

const row = (name: string, ms: number, targetS: number, note: string): BenchRow => ({
  name, value: Math.round(ms), unit: "ms", target: `≤ ${targetS} s`, met: ms <= targetS * 1000, note,
});

export async function benchEnv(): Promise<BenchRow[]> {
  const wasUp = (await envStatus()).up;
  const rows: BenchRow[] = [];
  try {
    await envDown();
    const up = await timed(() => envUp());
    if (!up.value.up) throw new Error("bench: env up returned without full redundancy");
    rows.push(row("env up from nothing", up.ms, 20, "initdb, pg_auto_failover monitor + 2 nodes, redis + 3 sentinels, 2 app instances, haproxy; until all healthy"));

    const pgPrimary = roleOf(up.value, "orders-db", "primary")!;
    let seq = 0;
    const pgMs = await killAndRecover(pgPrimary, async () => (await status("POST", "/orders", JSON.stringify({ ref: `bench-${Date.now()}-${seq++}`, payload: "x" }))) === 201);
    rows.push(row("orders-db failover (SIGKILL primary → order accepted via haproxy)", pgMs, 30, `pg_auto_failover promotes the synchronous standby; killed ${pgPrimary}; orders-db RTO is 30 s`));

    const pgHeal = await timed(() => envHeal());
    rows.push(row("env heal after pg primary loss", pgHeal.ms, 20, `${pgPrimary} restarted, rewound and rejoined as secondary; until all healthy`));

    const master = roleOf(pgHeal.value, "sessions-cache", "master")!;
    const redisMs = await killAndRecover(master, async () => (await status("PUT", `/session/bench-${seq++}`, "x")) === 200);
    rows.push(row("sessions-cache failover (SIGKILL master → session write via haproxy)", redisMs, 10, `Sentinel quorum promotes the replica; killed ${master}; sessions-cache RTO is 10 s`));

    const redisHeal = await timed(() => envHeal());
    rows.push(row("env heal after redis master loss", redisHeal.ms, 20, `${master} restarted as a replica of the new master`));
  } finally {
    if (!wasUp) await envDown();
    else if (!(await envStatus()).up) await envHeal();
  }
  return rows;
}
