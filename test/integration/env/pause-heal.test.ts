// A paused (SIGSTOPped) process is seen as paused, and `env heal` resumes it:
// no process of ours may be left stopped. A paused pg primary keeps its sockets
// open; pg_auto_failover must still fail over and the app must pass it over.
import { describe, expect, it } from "vitest";
import { envHeal, listOurProcesses, nodeProcess } from "../../../runners/env/index.ts";
import { processTree } from "../../../runners/faults/process-tree.ts";
import { log, nodeWithRole, postOrder, status, until } from "./helpers.ts";

/** A short-lived backend may exit between listing the tree and signalling it (ESRCH): nothing to stop then. */
function stopIfAlive(pid: number): void {
  try {
    process.kill(pid, "SIGSTOP");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

describe("paused node", () => {
  it("is reported paused and resumed by heal", async () => {
    const before = await status();
    const replica = nodeWithRole(before, "sessions-cache", "replica");
    const p = (await nodeProcess(replica))!;
    process.kill(-p.pgid!, "SIGSTOP");
    try {
      const paused = await status();
      expect(paused.members.find((m) => m.node === replica)).toMatchObject({ process: "paused", healthy: false });
      expect(paused.up).toBe(false);
    } finally {
      const healed = await envHeal();
      expect(healed.up).toBe(true);
    }
    expect(listOurProcesses().filter((q) => q.state === "T")).toEqual([]);
    expect((await nodeProcess(replica))!.pid).toBe(p.pid);
  });

  it("a paused pg primary is failed over by pg_auto_failover, and heal brings it back as secondary", async () => {
    const before = await status();
    const primary = nodeWithRole(before, "orders-db", "primary");
    const standby = nodeWithRole(before, "orders-db", "secondary");
    const p = (await nodeProcess(primary))!;
    // The whole node, as the process.pause fault does: PostgreSQL's backends
    // setsid() out of pg_autoctl's group and would go on committing on the app's
    // open connections (seen: an order accepted 21 ms after pausing the group).
    for (const pid of processTree(p.pgid!)) stopIfAlive(pid);
    try {
      let seq = 0;
      const ms = await until("an order accepted with the primary paused", async () => (await postOrder(`pause-${Date.now()}-${seq++}`)).status, (s) => s === 201, 60_000, 100);
      log(`orders-db: writes accepted again ${ms} ms after SIGSTOP of ${primary}`);
      expect(nodeWithRole(await status(), "orders-db", "primary")).toBe(standby);
    } finally {
      const t0 = Date.now();
      const healed = await envHeal();
      log(`orders-db: env heal after the pause took ${Date.now() - t0} ms`);
      expect(healed.up).toBe(true);
      expect(nodeWithRole(healed, "orders-db", "secondary")).toBe(primary);
    }
    expect(listOurProcesses().filter((q) => q.state === "T")).toEqual([]);
  });
});
