// Live roles by protocol against real servers: a PostgreSQL primary with a
// streaming standby, a Redis master with a replica and a Sentinel, an HTTP
// health path. A paused node answers nothing and is reported down within the
// read timeout, never hanging the reader.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHttp } from "../../runners/systems/http.ts";
import { readPostgres } from "../../runners/systems/postgres.ts";
import { readRedis, readSentinel } from "../../runners/systems/redis.ts";
import { judgeRedundancy } from "../../runners/systems/redundancy.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-postgres.ts";
import { startThrowawayRedis, type ThrowawayRedis } from "../support/throwaway-redis.ts";
import { waitUntil } from "../support/wait-until.ts";

describe("protocol readers", () => {
  let pgPrimary: ThrowawayPostgres;
  let pgStandby: ThrowawayPostgres;
  let master: ThrowawayRedis;
  let replica: ThrowawayRedis;
  let sentinel: ThrowawayRedis;
  beforeAll(async () => {
    pgPrimary = await startThrowawayPostgres();
    pgStandby = await startThrowawayPostgres({ standbyOf: pgPrimary });
    master = await startThrowawayRedis();
    replica = await startThrowawayRedis({ replicaOf: master.port });
    sentinel = await startThrowawayRedis({ sentinelOf: { masterPort: master.port, name: "m1" } });
  });
  afterAll(async () => {
    for (const s of [pgStandby, pgPrimary, sentinel, replica, master]) await s?.destroy();
  });

  it("PostgreSQL: primary with its streaming standby; a paused standby is down, not a hang", async () => {
    await waitUntil(async () => (await readPostgres("a", pgPrimary.url)).replicas === 1, 20_000, "standby streaming");
    const [a, b] = [await readPostgres("a", pgPrimary.url), await readPostgres("b", pgStandby.url)];
    expect(a).toMatchObject({ up: true, role: "primary", replicas: 1 });
    expect(b).toMatchObject({ up: true, role: "standby", streaming: true });
    expect(judgeRedundancy([a, b]).full).toBe(true);
    pgStandby.pause();
    try {
      const t = performance.now();
      const paused = await readPostgres("b", pgStandby.url, 1_000);
      expect(performance.now() - t).toBeLessThan(2_500);
      expect(paused.up).toBe(false);
      expect(judgeRedundancy([a, paused]).full).toBe(false);
    } finally {
      pgStandby.resume();
    }
  });

  it("Redis: master with its replica, and Sentinel's view", async () => {
    // Both sides: the replica reports its link up a moment before the master counts it online.
    await waitUntil(async () => (await readRedis("r2", replica.url)).streaming === true, 20_000, "replica link up");
    await waitUntil(async () => (await readRedis("r1", master.url)).replicas === 1, 20_000, "master sees its replica");
    expect(await readRedis("r1", master.url)).toMatchObject({ up: true, role: "primary", replicas: 1 });
    expect(await readRedis("r2", replica.url)).toMatchObject({ up: true, role: "standby", streaming: true });
    const s = await readSentinel("s1", `redis://127.0.0.1:${sentinel.port}/m1`);
    expect(s.up).toBe(true);
    expect(s.detail).toContain(`127.0.0.1:${master.port}`);
  });

  it("HTTP: a health path's status decides", async () => {
    let healthy = true;
    const server: Server = createServer((_, res) => res.writeHead(healthy ? 200 : 503).end());
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/health`;
    try {
      expect((await readHttp("w1", url)).up).toBe(true);
      healthy = false;
      expect(await readHttp("w1", url)).toMatchObject({ up: false, detail: expect.stringContaining("503") });
    } finally {
      server.close();
    }
  });
});
