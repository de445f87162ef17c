// Killing one web instance: HAProxy's health checks take it out and retries with
// redispatch hide the loss, so the frontend keeps answering; `env heal` restarts it.
import { describe, expect, it } from "vitest";
import { envHeal } from "../../../runners/env/index.ts";
import { http, killNode, log, status, until } from "./helpers.ts";

describe("web instance loss", () => {
  it("keeps the frontend serving while one instance is dead, and heals it", async () => {
    expect((await status()).up).toBe(true);
    const results: number[] = [];
    let stop = false;
    // Four clients in parallel, so requests are in flight on both instances at the kill.
    const clients = Array.from({ length: 4 }, async () => {
      while (!stop) results.push((await http("GET", "/orders/no-such-ref")).status);
    });
    await until("some traffic before the kill", async () => results.length, (n) => n > 40);
    await killNode("web-1");
    await until("haproxy marking web-1 down", status, (s) => s.members.find((m) => m.node === "web-1")?.detail?.includes("DOWN") ?? false, 10_000, 100);
    const afterDown = results.length;
    await until("traffic after web-1 is out", async () => results.length, (n) => n > afterDown + 40);
    stop = true;
    await Promise.all(clients);

    const failed = results.filter((s) => s !== 404);
    log(`web: ${results.length} requests across the kill of web-1, ${failed.length} failed (${[...new Set(failed)].join(",") || "none"})`);
    expect(results.length).toBeGreaterThan(80);
    expect(failed.length).toBeLessThanOrEqual(1);

    const healed = await envHeal();
    expect(healed.up).toBe(true);
    expect(healed.members.find((m) => m.node === "web-1")).toMatchObject({ process: "running", healthy: true });
  });
});
