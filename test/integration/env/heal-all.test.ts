// The worst case for `env heal`: every process of the env SIGKILLed at once (as
// in a host crash). Heal must restart all of them on their existing data and
// come back to full redundancy with the orders already acknowledged.
import { describe, expect, it } from "vitest";
import { envHeal, nodeProcess } from "../../../runners/env/index.ts";
import { http, log, postOrder, status, until } from "./helpers.ts";

const NODES = ["monitor", "node-a", "node-b", "redis-a", "redis-b", "sentinel-1", "sentinel-2", "sentinel-3", "web-1", "web-2", "haproxy", "client-proxies"];

describe("env heal after losing everything", () => {
  it("restarts every node and keeps acknowledged orders", async () => {
    expect((await status()).up).toBe(true);
    const ref = `all-${Date.now()}`;
    expect((await postOrder(ref)).status).toBe(201);

    for (const node of NODES) {
      const p = await nodeProcess(node);
      expect(p, node).toBeDefined();
      process.kill(-p!.pgid!, "SIGKILL");
    }
    // SIGKILL is asynchronous: a process is gone once the kernel has torn it down.
    const running = async () => (await status()).members.filter((m) => m.process === "running");
    await until("every process gone after SIGKILL", running, (left) => left.length === 0, 5_000);

    const t0 = Date.now();
    const healed = await envHeal();
    log(`env heal after killing all ${NODES.length} nodes: ${Date.now() - t0} ms`);
    expect(healed.up).toBe(true);
    expect((await http("GET", `/orders/${ref}`)).status).toBe(200);
    expect((await postOrder(`${ref}-after`)).status).toBe(201);
  });
});
