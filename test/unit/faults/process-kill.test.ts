// process.kill with the OS faked (fake-os.ts): a node's whole tree is killed
// by identity, the check waits on the drill's clock, a reused PID is refused,
// and heal is harmless however often it runs.
import { describe, expect, it } from "vitest";
import { processKill } from "../../../runners/faults/process-kill.ts";
import { fakeWorld, nodesOf } from "./fake-os.ts";

const target = { kind: "node" as const, service: "orders-db", node: "pg-a", address: "127.0.0.1:15431" };

/** pg_autoctl (group leader 100) with postgres, and a backend that setsid() out of the group. */
function pgNode() {
  const w = fakeWorld();
  w.processes.spawn({ pid: 100, cmdline: "pg_autoctl run" });
  w.processes.spawn({ pid: 101, ppid: 100, pgid: 100, cmdline: "postgres -D /data" });
  w.processes.spawn({ pid: 102, ppid: 101, pgid: 102, cmdline: "postgres: backend" });
  w.processes.spawn({ pid: 200, cmdline: "pg_autoctl run (the other node)" });
  return w;
}

describe("process.kill", () => {
  it("SIGKILLs the node's group and every descendant, and confirms they are gone", async () => {
    const w = pgNode();
    const ctx = w.ctx({ nodes: nodesOf({ "pg-a": { pid: 100 } }) });
    const state = await processKill.prepare(processKill.params.parse({}), target, ctx);
    expect(state).toMatchObject({ node: "pg-a", pid: 100, pgid: 100, signal: "SIGKILL", group: true, cmdline: "pg_autoctl run" });
    await processKill.inject(state, ctx);
    expect(w.processes.sent.map((s) => s.pid).sort()).toEqual([100, 101, 102]);
    expect(w.processes.sent.every((s) => s.signal === "SIGKILL")).toBe(true);
    expect(w.processes.state(200)).toBe("S");
    expect(await processKill.check(state, ctx)).toEqual({ confirmed: true, detail: "pid 100 gone" });
    expect(processKill.describe(state)).toBe("SIGKILL pg-a (pid 100, process group 100)");
  });

  it("with group false signals only the process itself", async () => {
    const w = pgNode();
    const ctx = w.ctx({ nodes: nodesOf({ "pg-a": { pid: 100 } }) });
    const state = await processKill.prepare(processKill.params.parse({ group: false, signal: "SIGTERM" }), target, ctx);
    await processKill.inject(state, ctx);
    expect(w.processes.sent).toEqual([{ pid: 100, signal: "SIGTERM" }]);
  });

  it("is unconfirmed when the process survives its signal, after 3 s on the drill's clock", async () => {
    const w = pgNode();
    w.processes.ignores.add("SIGTERM");
    const ctx = w.ctx({ nodes: nodesOf({ "pg-a": { pid: 100 } }) });
    const state = await processKill.prepare(processKill.params.parse({ signal: "SIGTERM" }), target, ctx);
    await processKill.inject(state, ctx);
    const r = await processKill.check(state, ctx);
    expect(r).toEqual({ confirmed: false, detail: "pid 100 still runs 3 s after SIGTERM" });
    expect(w.clock.now()).toBeGreaterThanOrEqual(3_000);
    expect(w.clock.now()).toBeLessThan(3_100);
  });

  it("refuses to signal a PID that another program took over after it was pinned", async () => {
    const w = pgNode();
    const ctx = w.ctx({ nodes: nodesOf({ "pg-a": { pid: 100, roots: [100] } }) });
    const state = await processKill.prepare(processKill.params.parse({}), target, ctx);
    w.processes.reuse(100);
    await expect(processKill.inject(state, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "pg-a", fault: "d1-f0" }, message: expect.stringMatching(/no longer the process that was pinned/) });
    expect(w.processes.sent).toEqual([]);
    expect(w.processes.state(100)).toBe("S");
  });

  it("heal does nothing to processes, and healing twice is harmless", async () => {
    const w = pgNode();
    const ctx = w.ctx({ nodes: nodesOf({ "pg-a": { pid: 100 } }) });
    const state = await processKill.prepare(processKill.params.parse({}), target, ctx);
    await processKill.heal(state, ctx);
    await processKill.heal(state, ctx);
    expect(w.processes.sent).toEqual([]);
    expect(w.processes.table.size).toBe(4);
  });

  it("names what is wrong with its kind: no processes (environment), a node without one, a target that is not a node (input), a bad param (schema)", async () => {
    const w = pgNode();
    await expect(processKill.prepare(processKill.params.parse({}), target, w.ctx())).rejects.toMatchObject({ kind: "environment", where: { node: "pg-a" } });
    await expect(processKill.prepare(processKill.params.parse({}), target, w.ctx({ nodes: nodesOf({}) }))).rejects.toMatchObject({ kind: "environment", message: 'node "pg-a" has no running process to fault' });
    await expect(processKill.prepare(processKill.params.parse({}), { kind: "none" }, w.ctx())).rejects.toMatchObject({ kind: "input" });
    expect(processKill.params.safeParse({ signal: "SIGSTOP" }).success).toBe(false);
  });

  it("a permission error while signalling is a fault error naming the node", async () => {
    const w = pgNode();
    w.processes.forbidden.add(101);
    const ctx = w.ctx({ nodes: nodesOf({ "pg-a": { pid: 100 } }) });
    const state = await processKill.prepare(processKill.params.parse({}), target, ctx);
    await expect(processKill.inject(state, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "pg-a", fault: "d1-f0" }, message: expect.stringMatching(/SIGKILL to node "pg-a" \(pid 100\) failed: kill EPERM/), cause: { code: "EPERM" } });
  });
});
