// A ledger in Redis, plain or behind Sentinel. Each run writes one hash,
// `drill:ledger:<runId>`, with one field per seq (HSET), acknowledged when the
// master answers. One hash per run rather than one key per write because
// read-back must see exactly this run's records on whichever node is master
// after a failover: HSCAN over one key visits only this run's fields (and finds
// fields we never wrote), where a SCAN for per-write keys walks the whole
// keyspace of a shared server. Replication is per command either way, so a
// write lost in a failover is a missing field exactly as it would be a missing
// key.
//
// The writing client fails fast instead of queueing (no offline queue, no
// retries, no resend after reconnect), so a dead or demoted master surfaces as
// failed writes, and reconnects on READONLY so it follows a Sentinel failover.
import { Redis, type RedisOptions } from "ioredis";
import type { LedgerStore } from "./writer.ts";

export type RedisTarget =
  | { url: string }
  | { sentinels: { host: string; port: number }[]; name: string; password?: string; sentinelPassword?: string; db?: number };

export interface RedisLedgerOptions {
  target: RedisTarget;
  runId: string;
  timeoutMs: number;
}

export const ledgerKey = (runId: string) => `drill:ledger:${runId}`;

function client(target: RedisTarget, options: RedisOptions): Redis {
  const base: RedisOptions = { lazyConnect: true, ...options };
  if ("url" in target) return new Redis(target.url, base);
  return new Redis({ ...target, ...base, failoverDetector: true });
}

export function redisLedgerStore(options: RedisLedgerOptions): LedgerStore {
  const { target, runId, timeoutMs } = options;
  const key = ledgerKey(runId);
  const writer = client(target, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    reconnectOnError: (error) => error.message.startsWith("READONLY"),
  });
  writer.on("error", () => {}); // surfaced per write; an unhandled 'error' would crash the process
  return {
    async prepare() {
      if (writer.status === "wait") await writer.connect();
      else if (writer.status !== "ready") throw new Error(`redis connection is ${writer.status}`);
      await writer.ping();
    },
    async write(seq, payload) {
      await writer.hset(key, String(seq), payload);
    },
    async readAll() {
      const reader = client(target, { retryStrategy: () => null, connectTimeout: 5_000, commandTimeout: 10_000 });
      reader.on("error", () => {});
      try {
        await reader.connect();
        const [role] = (await reader.role()) as [string];
        if (role !== "master") throw new Error(`connected to a ${role}, not the master`);
        const source = `redis master ${reader.stream.remoteAddress}:${reader.stream.remotePort}`;
        return { rows: await scanHash(reader, key), source };
      } finally {
        reader.disconnect();
      }
    },
    close: async () => {
      writer.disconnect();
    },
  };
}

/** Every field of the hash, in batches of ~1000; the number of calls is bounded by the hash's size. */
async function scanHash(redis: Redis, key: string): Promise<Map<number, string>> {
  const rows = new Map<number, string>(); // HSCAN may return a field twice
  const maxCalls = Math.ceil((await redis.hlen(key)) / 100) + 100;
  let cursor = "0";
  for (let calls = 0; calls === 0 || (cursor !== "0" && calls < maxCalls); calls++) {
    const [nextCursor, flat] = await redis.hscan(key, cursor, "COUNT", 1000);
    for (let i = 0; i + 1 < flat.length; i += 2) rows.set(Number(flat[i]), flat[i + 1]!);
    cursor = nextCursor;
  }
  if (cursor !== "0") throw new Error(`HSCAN of ${key} did not finish within ${maxCalls} calls`);
  return rows;
}
