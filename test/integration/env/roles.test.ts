// `env status` must report roles as the services themselves see them now.
import { Redis } from "ioredis";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { envStatus, listOurProcesses, nodeProcess } from "../../../runners/env/index.ts";
import { nodeWithRole } from "./helpers.ts";

async function inRecovery(port: number): Promise<boolean> {
  const sql = postgres({ host: "127.0.0.1", port, database: "orders", user: "postgres", max: 1, connect_timeout: 2 });
  try {
    return (await sql`select pg_is_in_recovery() as r`)[0]!.r as boolean;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function redisRole(port: number): Promise<string> {
  const r = new Redis({ host: "127.0.0.1", port, lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await r.connect();
    return String(((await r.call("ROLE")) as unknown[])[0]);
  } finally {
    r.disconnect();
  }
}

describe("env status", () => {
  it("reports the env up with full redundancy", async () => {
    const s = await envStatus();
    expect(s.members.filter((m) => !m.healthy)).toEqual([]);
    expect(s.up).toBe(true);
  });

  it("names the pg primary that PostgreSQL itself says is not in recovery", async () => {
    const s = await envStatus();
    const primary = s.members.find((m) => m.node === nodeWithRole(s, "orders-db", "primary"))!;
    const secondary = s.members.find((m) => m.node === nodeWithRole(s, "orders-db", "secondary"))!;
    expect(await inRecovery(Number(primary.address.split(":")[1]))).toBe(false);
    expect(await inRecovery(Number(secondary.address.split(":")[1]))).toBe(true);
  });

  it("names the redis master that Redis itself reports, and three sentinels", async () => {
    const s = await envStatus();
    const master = s.members.find((m) => m.node === nodeWithRole(s, "sessions-cache", "master"))!;
    const replica = s.members.find((m) => m.node === nodeWithRole(s, "sessions-cache", "replica"))!;
    expect(await redisRole(Number(master.address.split(":")[1]))).toBe("master");
    expect(await redisRole(Number(replica.address.split(":")[1]))).toBe("slave");
    expect(s.members.filter((m) => m.role === "sentinel" && m.healthy)).toHaveLength(3);
  });

  it("shows both web instances UP in HAProxy's own stats page", async () => {
    const csv = await (await fetch("http://127.0.0.1:18089/stats;csv")).text();
    for (const name of ["web-1", "web-2"]) expect(csv).toMatch(new RegExp(`^app,${name},.*?,UP,`, "m"));
  });

  it("gives every node a verified process, in its own process group, that is one of ours", async () => {
    const ours = new Set(listOurProcesses().map((p) => p.pid));
    for (const node of ["monitor", "node-a", "node-b", "redis-a", "redis-b", "sentinel-1", "sentinel-2", "sentinel-3", "web-1", "web-2", "haproxy"]) {
      const p = await nodeProcess(node);
      expect(p, node).toBeDefined();
      expect(p!.pgid).toBe(p!.pid);
      expect(ours.has(p!.pid), `${node} pid ${p!.pid} in listOurProcesses`).toBe(true);
    }
    expect(await nodeProcess("no-such-node")).toBeUndefined();
  });
});
