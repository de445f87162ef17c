// One bounded command against one Redis or Sentinel port on 127.0.0.1.
import { Redis } from "ioredis";

export async function redisCall(port: number, args: [string, ...(string | number)[]], timeoutMs = 1_000): Promise<unknown> {
  const client = new Redis({
    host: "127.0.0.1", port, lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs,
    enableReadyCheck: false, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return await client.call(...args);
  } finally {
    client.disconnect();
  }
}

/** Sentinel answers maps as flat [key, value, …] arrays. */
export function pairs(flat: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(flat)) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = String(flat[i + 1]);
  return out;
}
