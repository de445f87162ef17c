// Killing the sessions-cache master: the Sentinels (not the harness) promote the
// replica, the app's session endpoints work again, and `env heal` restarts the
// old master, which Sentinel's current master takes as its replica.
import { describe, expect, it } from "vitest";
import { envHeal } from "../../../runners/env/index.ts";
import { http, killNode, log, nodeWithRole, status, until } from "./helpers.ts";

describe("sessions-cache master loss", () => {
  it("fails over to the replica and heals back to master + replica", async () => {
    const before = await status();
    expect(before.up).toBe(true);
    const oldMaster = nodeWithRole(before, "sessions-cache", "master");
    const replica = nodeWithRole(before, "sessions-cache", "replica");
    const id = `s-${Date.now()}`;
    expect((await http("PUT", `/session/${id}`, "before")).status).toBe(200);

    await killNode(oldMaster);
    let n = 0;
    const recoveredMs = await until("a session write after the master's loss", async () => (await http("PUT", `/session/${id}-${n++}`, "after")).status, (s) => s === 200, 30_000);
    log(`sessions-cache: session writes accepted again ${recoveredMs} ms after SIGKILL of ${oldMaster}`);

    const after = await status();
    expect(nodeWithRole(after, "sessions-cache", "master")).toBe(replica);
    expect((await http("PUT", `/session/${id}`, "after-failover")).status).toBe(200);
    expect((await http("GET", `/session/${id}`)).json).toMatchObject({ value: "after-failover" });

    const healStart = Date.now();
    const healed = await envHeal();
    log(`sessions-cache: env heal took ${Date.now() - healStart} ms`);
    expect(healed.up).toBe(true);
    expect(nodeWithRole(healed, "sessions-cache", "master")).toBe(replica);
    expect(nodeWithRole(healed, "sessions-cache", "replica")).toBe(oldMaster);
    expect(healed.members.filter((m) => m.role === "sentinel").every((m) => m.healthy)).toBe(true);
  });
});
