// sessions-cache as the app sees it: ioredis through the Sentinels, which tell
// it the current master. On a failover the connection drops, ioredis asks the
// Sentinels again and reconnects; commands fail fast meanwhile instead of queueing.
import { Redis } from "ioredis";

export class Sessions {
  private readonly redis: Redis;

  constructor(sentinels: string, masterName: string) {
    this.redis = new Redis({
      sentinels: sentinels.split(",").map((hp) => {
        const [host, port] = hp.split(":");
        return { host: host!, port: Number(port) };
      }),
      name: masterName,
      role: "master",
      connectTimeout: 1_000,
      commandTimeout: 1_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      retryStrategy: () => 100,
      sentinelRetryStrategy: () => 100,
      sentinelReconnectStrategy: () => 100,
      failoverDetector: true,
    });
    // Errors surface on commands; without a listener ioredis would crash the process.
    this.redis.on("error", () => {});
  }

  get(id: string): Promise<string | null> {
    return this.redis.get(`session:${id}`);
  }

  async put(id: string, value: string): Promise<void> {
    await this.redis.set(`session:${id}`, value);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  close(): void {
    this.redis.disconnect();
  }
}
