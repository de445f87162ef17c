// Throwaway redis-server (and Sentinel) processes for integration tests: their
// own temp dir, a free port on 127.0.0.1, no persistence, stopped by the test.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { startServer, type ServerProcess } from "./child.ts";
import { freePort } from "./free-port.ts";

const REDIS_SERVER = "/usr/bin/redis-server";

export interface ThrowawayRedis {
  host: "127.0.0.1";
  port: number;
  /** "127.0.0.1:port", the probe's plain target. */
  target: string;
  /** redis://127.0.0.1:port */
  url: string;
  /** The running process; replaced by start() after stop(). */
  process(): ServerProcess;
  /** SIGSTOP / SIGCONT: a hung server whose sockets stay open. */
  pause(): void;
  resume(): void;
  /** Stops the server (SIGKILL when `crash`), keeping its port and dir for start(). */
  stop(crash?: boolean): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its temp dir. */
  destroy(): Promise<void>;
}

export interface ThrowawayRedisOptions {
  replicaOf?: number;
  /** Run as a Sentinel watching this master, quorum 1, declaring it down after downAfterMs (1 s). */
  sentinelOf?: { masterPort: number; name: string; downAfterMs?: number };
}

export async function startThrowawayRedis(options: ThrowawayRedisOptions = {}): Promise<ThrowawayRedis> {
  const dir = await mkdtemp(join(tmpdir(), "cd-redis-"));
  const port = await freePort();
  const args = await argsFor(dir, port, options);
  let proc: ServerProcess | undefined;
  const start = async (): Promise<void> => {
    proc = startServer(REDIS_SERVER, args, { cwd: dir });
    await waitForPing(port, proc);
  };
  await start();
  return {
    host: "127.0.0.1",
    port,
    target: `127.0.0.1:${port}`,
    url: `redis://127.0.0.1:${port}`,
    process: () => proc!,
    pause: () => proc?.signal("SIGSTOP"),
    resume: () => proc?.signal("SIGCONT"),
    stop: async (crash = false) => proc?.stop(crash ? "SIGKILL" : "SIGTERM"),
    start,
    async destroy() {
      await proc?.stop("SIGTERM");
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A single Sentinel watching a master: quorum 1, quick to declare it down (1 s unless given). */
export function startThrowawaySentinel(masterPort: number, name = "drillmaster", downAfterMs = 1000): Promise<ThrowawayRedis> {
  return startThrowawayRedis({ sentinelOf: { masterPort, name, downAfterMs } });
}

async function argsFor(dir: string, port: number, options: ThrowawayRedisOptions): Promise<string[]> {
  if (options.sentinelOf) {
    const { masterPort, name, downAfterMs = 1000 } = options.sentinelOf;
    const conf = join(dir, "sentinel.conf");
    await writeFile(
      conf,
      [
        `port ${port}`,
        "bind 127.0.0.1",
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${name} ${downAfterMs}`,
        `sentinel failover-timeout ${name} 5000`,
        "",
      ].join("\n"),
    );
    return [conf, "--sentinel"];
  }
  const base = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"];
  return options.replicaOf ? [...base, "--replicaof", "127.0.0.1", String(options.replicaOf)] : base;
}

async function waitForPing(port: number, proc: ServerProcess, timeoutMs = 10_000): Promise<void> {
  const client = new Redis({ host: "127.0.0.1", port, lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 });
  client.on("error", () => undefined);
  const deadline = Date.now() + timeoutMs;
  try {
    await client.connect().catch(() => undefined);
    while (Date.now() < deadline) {
      if ((await client.ping().catch(() => "")) === "PONG") return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on ${port} did not answer PING within ${timeoutMs} ms:\n${proc.log()}`);
  } finally {
    client.disconnect();
  }
}
