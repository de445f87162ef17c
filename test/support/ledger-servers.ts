// Throwaway stores for ledger tests and the bench: a Redis and a PostgreSQL on
// ephemeral loopback ports in temp dirs, and a stand-in for the web app's order
// API whose misbehaviour per write is chosen by the test (the ground truth).
// Everything started here is stopped by the returned stop().
import { execFile, spawn } from "node:child_process";
import { chown, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const PG_BIN = "/usr/lib/postgresql/15/bin";
// Ports a full local environment may be using.
const RESERVED: [number, number][] = [[15430, 15432], [16379, 16392], [18080, 18089]];

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    if (!RESERVED.some(([lo, hi]) => port >= lo && port <= hi)) return port;
  }
  throw new Error("no free port outside the reserved ranges after 20 tries");
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Throwaway {
  port: number;
  url: string;
  stop(): Promise<void>;
  /** SIGKILL, without waiting or cleaning up (stop() still does both). */
  kill?(): void;
}

/** redis-server without persistence on 127.0.0.1:<free port>; `extra` adds config, e.g. ["--replicaof", …]. */
export async function startThrowawayRedis(extra: string[] = []): Promise<Throwaway> {
  const dir = await mkdtemp(join(tmpdir(), "ledger-redis-"));
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
  return spawnRedis(dir, port, [...args, ...extra]);
}

/** One Sentinel watching `masterPort` as `name`, quorum 1, quick to declare it down. */
export async function startThrowawaySentinel(masterPort: number, name: string): Promise<Throwaway> {
  const dir = await mkdtemp(join(tmpdir(), "ledger-sentinel-"));
  const port = await freePort();
  const conf = join(dir, "sentinel.conf"); // Sentinel rewrites its config: it must be its own file
  await writeFile(
    conf,
    [
      `port ${port}`,
      "bind 127.0.0.1",
      `dir ${dir}`,
      `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
      `sentinel down-after-milliseconds ${name} 500`,
      `sentinel failover-timeout ${name} 5000`,
      "",
    ].join("\n"),
  );
  return spawnRedis(dir, port, [conf, "--sentinel"]);
}

async function spawnRedis(dir: string, port: number, args: string[]): Promise<Throwaway> {
  const child = spawn("/usr/bin/redis-server", args, { stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(async () => (await run("/usr/bin/redis-cli", ["-p", String(port), "ping"])).stdout.includes("PONG"), 10_000, "redis");
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `redis://127.0.0.1:${port}`, stop, kill: () => void child.kill("SIGKILL") };
}

/** PostgreSQL 15 as the postgres user (it refuses root), trust auth, fsync off. */
export async function startThrowawayPostgres(): Promise<Throwaway> {
  const dir = await mkdtemp(join(tmpdir(), "ledger-pg-"));
  const asPostgres = (cmd: string, args: string[]) =>
    process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", join(PG_BIN, cmd), ...args]) : run(join(PG_BIN, cmd), args);
  if (process.getuid?.() === 0) {
    const { uid, gid } = await userIds("postgres");
    await chown(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  const stop = async () => {
    await asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await asPostgres("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
    const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`;
    await asPostgres("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "30", "start"]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

async function userIds(user: string): Promise<{ uid: number; gid: number }> {
  const line = (await readFile("/etc/passwd", "utf8")).split("\n").find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no user ${user} in /etc/passwd`);
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** What the stand-in order store does with one write (the test's ground truth). */
export type Fate =
  | "store" // store it, answer 201
  | "drop" // answer 201 but keep nothing: acknowledged, then lost
  | "hang" // store it, never answer: lands unacknowledged
  | "corrupt" // store an altered payload, answer 201
  | "fail"; // keep nothing, answer 503

export interface OrderStore extends Throwaway {
  orders: Map<string, string>;
  /** Seqs whose POST reached the store, whatever their fate: with the fate, the ground truth. */
  received: Set<number>;
}

/** Whether a write of this fate leaves a record behind once it reached the store. */
export const lands = (fate: Fate) => fate === "store" || fate === "hang" || fate === "corrupt";

/** The web app's order API, reduced to a map; `fate` picks a behaviour per seq (from the ref's suffix). */
export async function startOrderStore(fate: (seq: number) => Fate = () => "store"): Promise<OrderStore> {
  const orders = new Map<string, string>();
  const received = new Set<number>();
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString(), { orders, received, fate }));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy(); // including the hung requests
      server.close(() => resolve());
    });
  return { port, url: `http://127.0.0.1:${port}`, orders, received, stop };
}

interface StoreState {
  orders: Map<string, string>;
  received: Set<number>;
  fate: (seq: number) => Fate;
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string, { orders, received, fate }: StoreState) {
  const get = /^\/orders\/([^/]+)$/.exec(req.url ?? "");
  if (req.method === "GET" && get) {
    const payload = orders.get(decodeURIComponent(get[1]!));
    if (payload === undefined) return res.writeHead(404).end();
    return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ payload }));
  }
  if (req.method !== "POST" || req.url !== "/orders") return res.writeHead(404).end();
  const { ref, payload } = JSON.parse(body) as { ref: string; payload: string };
  const seq = Number(ref.slice(ref.lastIndexOf("-") + 1));
  received.add(seq);
  const what = fate(seq);
  if (what === "store" || what === "hang") orders.set(ref, payload);
  if (what === "corrupt") orders.set(ref, `${payload.slice(0, -1)}!`);
  if (what === "hang") return; // never answered
  res.writeHead(what === "fail" ? 503 : 201).end();
}
