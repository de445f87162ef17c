// Redis probe: PING, GET or SET through ioredis, either to a plain host:port or
// to the current master as named by Sentinel. The offline queue is off, so
// while there is no connection a command fails at once ("unreachable") instead
// of waiting silently for a reconnect that would hide the outage.
//
// Following a failover: every reconnect asks Sentinel where the master is. A
// dead master closes the connection, which reconnects by itself. A hung master
// keeps its socket open, and a demoted one answers writes with READONLY; in both
// cases the probe drops the connection (at most once per timeout period) so the
// reconnect finds the new master. ioredis's own failoverDetector is left off:
// with it (5.11), a +switch-master ended the client for good in our tests.
import { Redis, type RedisOptions } from "ioredis";
import { classifyNetworkError, shortMessage } from "./classify.ts";
import type { Outcome, ProbeClient } from "./probe.ts";
import type { ErrorClass } from "./sample.ts";
import type { RedisProbeSpec } from "./spec.ts";
import { splitHostPort } from "./tcp.ts";

export function redisClient(spec: RedisProbeSpec, timeoutMs: number): ProbeClient {
  const client = connect(spec, timeoutMs);
  // Errors surface through commands; without a listener ioredis would crash the process.
  client.on("error", () => undefined);
  const op = spec.op ?? "ping";
  const key = spec.key ?? `continuity-drill:probe:${spec.name}`;
  let reconnectedAt = performance.now();
  const reconnect = (): void => {
    if (performance.now() - reconnectedAt < timeoutMs) return;
    reconnectedAt = performance.now();
    client.disconnect(true);
  };

  const checkRole = spec.readOnly !== true;
  return {
    async attempt(_signal, seq): Promise<Outcome> {
      try {
        if (!checkRole) {
          await command(client, op, key, seq);
          return { ok: true };
        }
        // ROLE rides in the same round trip (a pipeline): a replica's answer is the wrong role.
        const pipe = client.pipeline().role();
        if (op === "ping") pipe.ping();
        else if (op === "get") pipe.get(key);
        else pipe.set(key, String(seq));
        const replies = (await pipe.exec()) ?? [];
        for (const [error] of replies) if (error) throw error;
        const role = (replies[0]?.[1] as unknown[] | undefined)?.[0];
        if (role === "master") return { ok: true };
        reconnect();
        return { ok: false, error: "wrong-role", detail: `answered by a ${String(role)} (ROLE)` };
      } catch (error) {
        if (/^READONLY\b/.test(shortMessage(error))) reconnect();
        throw error;
      }
    },
    classify: classifyRedisError,
    onTimeout: reconnect,
    async close() {
      client.disconnect(false);
    },
  };
}

async function command(client: Redis, op: "ping" | "get" | "set", key: string, seq: number): Promise<void> {
  if (op === "ping") await client.ping();
  else if (op === "get") await client.get(key);
  else await client.set(key, String(seq));
}

function connect(spec: RedisProbeSpec, timeoutMs: number): Redis {
  const retry = (): number => Math.min(100, timeoutMs);
  const common: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: retry,
    autoResubscribe: false,
    ...(spec.password !== undefined ? { password: spec.password } : {}),
  };
  const target = spec.target;
  if (typeof target !== "string") {
    return new Redis({
      ...common,
      sentinels: target.sentinels,
      name: target.name,
      sentinelRetryStrategy: retry,
      sentinelCommandTimeout: timeoutMs,
    });
  }
  if (/^rediss?:\/\//.test(target)) return new Redis(target, common);
  const [host, port] = splitHostPort(target);
  return new Redis({ ...common, host, port: Number(port) });
}

/** How a Sentinel target is shown in reports. */
export function describeRedisTarget(target: RedisProbeSpec["target"]): string {
  if (typeof target === "string") return target;
  return `sentinel://${target.sentinels.map((s) => `${s.host}:${s.port}`).join(",")}/${target.name}`;
}

const BY_MESSAGE: [RegExp, ErrorClass][] = [
  [/^READONLY\b/, "wrong-role"],
  [/^(LOADING|MASTERDOWN|NOREPLICAS|CLUSTERDOWN|BUSY)\b/, "bad-status"],
  [/^Command timed out/, "timeout"],
  [/^Connection is closed/, "reset"],
  [/^Stream isn't writeable/, "unreachable"],
  [/^All sentinels are unreachable/, "unreachable"],
  [/max retries per request/i, "reset"],
];

export function classifyRedisError(error: unknown): { error: ErrorClass; detail: string } {
  const message = shortMessage(error);
  for (const [pattern, cls] of BY_MESSAGE) if (pattern.test(message)) return { error: cls, detail: message };
  if ((error as { name?: unknown })?.name === "ReplyError") return { error: "bad-status", detail: message };
  return classifyNetworkError(error);
}
