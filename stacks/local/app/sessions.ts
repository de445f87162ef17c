// sessions-cache as the app sees it: ioredis through the Sentinels, which tell
// it the current master. On a failover the connection drops, ioredis asks the
// Sentinels again and reconnects; commands fail fast meanwhile instead of queueing.
// Two guards on top, both seen in drills here: a client that gave up ("end",
// "Connection is closed." forever after a master kill) is replaced, and a
// command timeout (a paused master keeps its socket open) forces a reconnect
// through the Sentinels.
import { Redis } from "ioredis";

export class Sessions {
  private redis: Redis;

  /**
   * `natMap` ("h:p=h:p,…") maps the addresses the Sentinels hand out onto the
   * drill's client-path proxies, so the app's traffic to each Redis node can be
   * slowed or cut without touching Sentinel's own view.
   */
  constructor(private readonly sentinels: string, private readonly masterName: string, private readonly natMap = "") {
    this.redis = this.create();
  }

  private create(): Redis {
    const redis = new Redis({
      sentinels: this.sentinels.split(",").map((hp) => {
        const [host, port] = hp.split(":");
        return { host: host!, port: Number(port) };
      }),
      name: this.masterName,
      role: "master",
      ...(this.natMap ? { natMap: parseNatMap(this.natMap) } : {}),
      connectTimeout: 1_000,
      commandTimeout: 1_000,
      maxRetriesPerRequest: 1,
      retryStrategy: () => 100,
      sentinelRetryStrategy: () => 100,
    });
    // Errors surface on commands; without a listener ioredis would crash the process.
    redis.on("error", () => {});
    return redis;
  }

  private async run<T>(command: (r: Redis) => Promise<T>): Promise<T> {
    if (this.redis.status === "end") this.redis = this.create();
    const redis = this.redis;
    try {
      return await command(redis);
    } catch (error) {
      if (/timed out/i.test((error as Error).message) && redis.status === "ready") redis.disconnect(true);
      throw error;
    }
  }

  get(id: string): Promise<string | null> {
    return this.run((r) => r.get(`session:${id}`));
  }

  async put(id: string, value: string): Promise<void> {
    await this.run((r) => r.set(`session:${id}`, value));
  }

  async ping(): Promise<void> {
    await this.run((r) => r.ping());
  }

  close(): void {
    this.redis.disconnect();
  }
}

function parseNatMap(text: string): Record<string, { host: string; port: number }> {
  return Object.fromEntries(
    text.split(",").filter(Boolean).map((pair) => {
      const [from, to] = pair.split("=");
      const [host, port] = to!.split(":");
      return [from!, { host: host!, port: Number(port) }];
    }),
  );
}
