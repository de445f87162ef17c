// Redis, read live: ROLE on the node (master with its connected replicas, or a
// replica and its link state); a Sentinel node answers which master it sees.
import { Redis } from "ioredis";
import { unreachable, within, type NodeView } from "./view.ts";

function client(url: string, timeoutMs: number): Redis {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // The failed connect rejects connect() (read as "down"); the event would only print to stderr.
  redis.on("error", () => undefined);
  return redis;
}

export async function readRedis(node: string, url: string, timeoutMs = 2_000): Promise<NodeView> {
  const redis = client(url, timeoutMs);
  try {
    await within(timeoutMs, redis.connect(), `${node} (redis)`);
    const role = (await redis.call("ROLE")) as unknown[];
    if (role[0] === "master") {
      const replicas = (role[2] as unknown[][]).length;
      return { node, up: true, role: "primary", replicas, detail: `master, ${replicas} replica(s) connected` };
    }
    if (role[0] === "slave") return { node, up: true, role: "standby", streaming: role[3] === "connected", detail: `replica of ${role[1]}:${role[2]}, link ${role[3]}` };
    return { node, up: true, role: "other", detail: `role ${String(role[0])}` };
  } catch (error) {
    return unreachable(node, error);
  } finally {
    redis.disconnect();
  }
}

/** A Sentinel: up when it knows a master for `name` and sees no objective failure of it. */
export async function readSentinel(node: string, url: string, timeoutMs = 2_000): Promise<NodeView> {
  const parsed = new URL(url);
  const master = parsed.pathname.replace(/^\//, "") || "mymaster";
  const redis = client(`redis://${parsed.host}`, timeoutMs);
  try {
    await within(timeoutMs, redis.connect(), `${node} (sentinel)`);
    const info = (await redis.call("SENTINEL", "MASTER", master)) as string[];
    const field = (k: string) => info[info.indexOf(k) + 1];
    const flags = field("flags") ?? "";
    const ok = !/o_down|s_down/.test(flags);
    return { node, up: ok, role: "other", detail: `sentinel sees ${master} at ${field("ip")}:${field("port")} (${flags}), ${field("num-slaves")} replica(s)` };
  } catch (error) {
    return unreachable(node, error);
  } finally {
    redis.disconnect();
  }
}
