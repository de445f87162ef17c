// process.pause with the OS faked: SIGSTOP to the node's whole tree, confirmed
// by the tree's state, SIGCONT on heal only to the very processes that were
// stopped — never to a PID someone else now holds.
import { describe, expect, it } from "vitest";
import { processPause } from "../../../runners/faults/process-pause.ts";
import { fakeWorld, nodesOf } from "./fake-os.ts";

const target = { kind: "node" as const, service: "sessions-cache", node: "redis-a", address: "127.0.0.1:16380" };

function redisNode() {
  const w = fakeWorld();
  w.processes.spawn({ pid: 300, cmdline: "redis-server *:16380" });
  w.processes.spawn({ pid: 301, ppid: 300, pgid: 300, cmdline: "redis-rdb-bgsave" });
  w.processes.spawn({ pid: 400, cmdline: "redis-sentinel" });
  const ctx = w.ctx({ nodes: nodesOf({ "redis-a": { pid: 300 } }) });
  return { w, ctx };
}

describe("process.pause", () => {
  it("stops the node's tree and confirms state T; heal resumes it", async () => {
    const { w, ctx } = redisNode();
    const state = await processPause.prepare(processPause.params.parse({}), target, ctx);
    await processPause.inject(state, ctx);
    expect([w.processes.state(300), w.processes.state(301), w.processes.state(400)]).toEqual(["T", "T", "S"]);
    expect(await processPause.check(state, ctx)).toEqual({ confirmed: true, detail: "pid 300 and its tree are stopped (state T)" });
    await processPause.heal(state, ctx);
    expect([w.processes.state(300), w.processes.state(301)]).toEqual(["S", "S"]);
    expect(processPause.describe(state)).toBe("SIGSTOP redis-a (pid 300, process group 300)");
  });

  it("is unconfirmed when a process of the tree does not stop, after 2 s on the drill's clock", async () => {
    const { w, ctx } = redisNode();
    w.processes.ignores.add("SIGSTOP");
    const state = await processPause.prepare(processPause.params.parse({}), target, ctx);
    await processPause.inject(state, ctx);
    expect(await processPause.check(state, ctx)).toEqual({ confirmed: false, detail: "pid 300 is not stopped" });
    expect(w.clock.now()).toBeGreaterThanOrEqual(2_000);
  });

  it("healing twice sends SIGCONT again harmlessly; healing a node that died is a no-op", async () => {
    const { w, ctx } = redisNode();
    const state = await processPause.prepare(processPause.params.parse({}), target, ctx);
    await processPause.inject(state, ctx);
    await processPause.heal(state, ctx);
    await processPause.heal(state, ctx);
    expect(w.processes.state(300)).toBe("S");
    w.processes.table.delete(300);
    w.processes.table.delete(301);
    await expect(processPause.heal(state, ctx)).resolves.toBeUndefined();
  });

  it("never resumes or stops a PID that was reused by another program", async () => {
    const { w, ctx } = redisNode();
    const state = await processPause.prepare(processPause.params.parse({}), target, ctx);
    await processPause.inject(state, ctx);
    // The paused node was killed by someone and its PID reused by a program that is itself stopped.
    w.processes.table.delete(301);
    w.processes.reuse(300, "vim notes.txt");
    w.processes.table.get(300)!.state = "T";
    const sentBefore = w.processes.sent.length;
    await processPause.heal(state, ctx);
    expect(w.processes.sent.length).toBe(sentBefore);
    expect(w.processes.state(300)).toBe("T");
    await expect(processPause.inject(state, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "redis-a" } });
  });

  it("a self-managed node is every root's tree, never the process group", async () => {
    const w = fakeWorld();
    w.processes.spawn({ pid: 500, pgid: 42, cmdline: "patroni" });
    w.processes.spawn({ pid: 600, pgid: 600, cmdline: "postgres (double-forked)" });
    w.processes.spawn({ pid: 601, ppid: 600, pgid: 600, cmdline: "postgres: walwriter" });
    w.processes.spawn({ pid: 700, pgid: 42, cmdline: "the user's shell, same group" });
    const ctx = w.ctx({ nodes: nodesOf({ "pg-1": { pid: 500, roots: [500, 600] } }) });
    const state = await processPause.prepare(processPause.params.parse({}), { kind: "node", service: "db", node: "pg-1" }, ctx);
    await processPause.inject(state, ctx);
    expect([500, 600, 601].map((p) => w.processes.state(p))).toEqual(["T", "T", "T"]);
    expect(w.processes.state(700)).toBe("S");
    expect((await processPause.check(state, ctx)).confirmed).toBe(true);
    await processPause.heal(state, ctx);
    expect([500, 600, 601].map((p) => w.processes.state(p))).toEqual(["S", "S", "S"]);
  });

  it("errors carry their kind: a non-node target is input, a node without a process is environment", async () => {
    const { w } = redisNode();
    await expect(processPause.prepare(processPause.params.parse({}), { kind: "endpoint", service: "s", endpoint: "e", address: "127.0.0.1:1" }, w.ctx())).rejects.toMatchObject({ kind: "input" });
    await expect(processPause.prepare(processPause.params.parse({}), target, w.ctx({ nodes: nodesOf({}) }))).rejects.toMatchObject({ kind: "environment", where: { node: "redis-a", fault: "d1-f0" } });
    expect(processPause.params.safeParse({ group: "yes" }).success).toBe(false);
  });
});
