// Killing the orders-db primary: pg_auto_failover (not the harness) promotes the
// standby, the app writes orders again through HAProxy, no acknowledged order
// is lost (synchronous replication), and `env heal` brings the old primary back
// as a secondary.
import { describe, expect, it } from "vitest";
import { envHeal } from "../../../runners/env/index.ts";
import { http, killNode, log, nodeWithRole, postOrder, status, until } from "./helpers.ts";

describe("orders-db primary loss", () => {
  it("fails over to the standby, keeps acknowledged orders, and heals back to two nodes", async () => {
    const before = await status();
    expect(before.up).toBe(true);
    const oldPrimary = nodeWithRole(before, "orders-db", "primary");
    const standby = nodeWithRole(before, "orders-db", "secondary");

    const run = `pg-${Date.now()}`;
    const acked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await postOrder(`${run}-pre-${i}`);
      expect(r.status).toBe(201);
      acked.push(`${run}-pre-${i}`);
    }

    const t0 = Date.now();
    await killNode(oldPrimary);
    let seq = 0;
    const recoveredMs = await until("an order accepted after the primary's loss", async () => {
      const ref = `${run}-post-${seq++}`;
      const r = await postOrder(ref);
      if (r.status === 201) acked.push(ref);
      return r.status;
    }, (s) => s === 201, 60_000);
    log(`orders-db: writes accepted again ${recoveredMs} ms after SIGKILL of ${oldPrimary}'s pg_autoctl group`);

    const after = await status();
    expect(nodeWithRole(after, "orders-db", "primary")).toBe(standby);
    expect(after.members.find((m) => m.node === oldPrimary)!.process).toBe("dead");
    for (const ref of acked) expect((await http("GET", `/orders/${ref}`)).status, ref).toBe(200);
    expect(Date.now() - t0).toBeLessThan(60_000);

    const healStart = Date.now();
    const healed = await envHeal();
    log(`orders-db: env heal took ${Date.now() - healStart} ms`);
    expect(healed.up).toBe(true);
    expect(nodeWithRole(healed, "orders-db", "secondary")).toBe(oldPrimary);
    expect(nodeWithRole(healed, "orders-db", "primary")).toBe(standby);
    expect((await postOrder(`${run}-healed`)).status).toBe(201);
  });
});
