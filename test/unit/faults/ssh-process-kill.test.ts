// ssh.process.kill against a fake remote host (ssh-fake-host.ts): what goes
// over ssh (one snapshot to pin, one to find the tree, one signal script with
// pid:starttime pairs), a reused PID never signalled, the check polled on the
// drill's clock within 3 s, heal a no-op, and ssh's failures as DrillErrors
// naming the node and host. The same kind runs for real in test/systems/ssh-hosts.test.ts.
import { describe, expect, it } from "vitest";
import { sshProcessKill as kill } from "../../../runners/faults/ssh-process-kill.ts";
import { redisHost, remoteWorld } from "./ssh-fake-host.ts";

const target = { kind: "node" as const, service: "cache", node: "redis-a" };

const world = () => remoteWorld(redisHost());

describe("ssh.process.kill", () => {
  it("pins the node's root by its port, then signals its whole tree by identity, and confirms it is gone", async () => {
    const { host, w, ctx } = world();
    const state = await kill.prepare(kill.params.parse({}), target, ctx);
    expect(state).toMatchObject({ node: "redis-a", ssh: { host: "10.0.0.7" }, signal: "SIGKILL", roots: [{ pid: 300, startTime: 5_000, cmdline: "/usr/bin/redis-server *:6379" }] });
    expect(host.sent).toEqual([{ host: "10.0.0.7", script: "snapshot", args: ["6379", "", "", ""], abortable: true }]);
    await kill.inject(state, ctx);
    expect(host.sent.slice(1)).toEqual([
      { host: "10.0.0.7", script: "snapshot", args: ["", "", "", "300"], abortable: true },
      { host: "10.0.0.7", script: "signal", args: ["KILL", "300:5000", "301:5001"], abortable: true },
    ]);
    expect([...host.table.keys()]).toEqual([22]);
    expect(w.notes).toEqual(["info: SIGKILL sent on 10.0.0.7 to pids 300, 301"]);
    expect(await kill.check(state, ctx)).toEqual({ confirmed: true, detail: "every root of redis-a on 10.0.0.7 is gone (pids 300)" });
    expect(kill.describe(state)).toBe("SIGKILL redis-a on 10.0.0.7 (pids 300 and their trees)");
  });

  it("never signals a PID another program took over after it was pinned", async () => {
    const { host, w, ctx } = world();
    const state = await kill.prepare(kill.params.parse({}), target, ctx);
    host.table.delete(301);
    host.reuse(300, "/usr/bin/backup-agent");
    await kill.inject(state, ctx);
    expect(host.sent.map((s) => s.script)).toEqual(["snapshot", "snapshot"]); // nothing left to signal: no signal script
    expect(host.table.get(300)).toMatchObject({ cmdline: "/usr/bin/backup-agent", state: "S" });
    expect(w.notes).toEqual(["info: SIGKILL sent on 10.0.0.7 to pids none (already gone)"]);
  });

  it("never signals a root that exec'd another program since it was pinned (same PID and start time, another command line)", async () => {
    const { host, ctx } = world();
    const state = await kill.prepare(kill.params.parse({}), target, ctx);
    host.exec(300, "/usr/bin/redis-check-aof --fix");
    await kill.inject(state, ctx);
    expect(host.sent.map((s) => s.script)).toEqual(["snapshot", "snapshot"]);
    expect(host.table.has(300)).toBe(true);
    expect(host.table.has(301)).toBe(true);
  });

  it("the host refuses a PID reused between the snapshot and the signal: the pair carries the start time", async () => {
    const { host, ctx } = world();
    const state = await kill.prepare(kill.params.parse({}), target, ctx);
    host.beforeSignal = () => host.reuse(300);
    await kill.inject(state, ctx);
    expect(host.table.get(300)).toMatchObject({ cmdline: "someone-else", state: "S" });
    expect(host.table.has(301)).toBe(false);
  });

  it("is unconfirmed when a root survives its signal, after 3 s on the drill's clock, polling every 100 ms", async () => {
    const { host, w, ctx } = world();
    host.ignores.add("TERM");
    const state = await kill.prepare(kill.params.parse({ signal: "SIGTERM" }), target, ctx);
    await kill.inject(state, ctx);
    const before = host.sent.length;
    expect(await kill.check(state, ctx)).toEqual({ confirmed: false, detail: "pids 300 still run on 10.0.0.7 3 s after SIGTERM" });
    expect(w.clock.now()).toBe(3_000);
    expect(host.sent.length - before).toBe(31);
  });

  it("confirms as soon as a slow death is seen, within the bound", async () => {
    const { host, w, ctx } = world();
    host.ignores.add("TERM");
    const state = await kill.prepare(kill.params.parse({ signal: "SIGTERM" }), target, ctx);
    await kill.inject(state, ctx);
    const sleep = w.os.timers.sleep;
    ctx.os!.timers = { sleep: async (ms, signal) => (await sleep(ms, signal), w.clock.now() >= 700 ? void host.table.delete(300) : undefined) };
    expect((await kill.check(state, ctx)).confirmed).toBe(true);
    expect(w.clock.now()).toBe(700);
  });

  it("heal does nothing, however often it runs", async () => {
    const { host, ctx } = world();
    const state = await kill.prepare(kill.params.parse({}), target, ctx);
    await kill.heal(state, ctx);
    await kill.heal(state, ctx);
    expect(host.sent).toHaveLength(1);
    expect(host.table.size).toBe(3);
  });

  it("turns ssh's failures into DrillErrors naming the node and host: environment for ssh itself, fault for a failed script", async () => {
    const { host, ctx } = world();
    host.failure = "unreachable";
    await expect(kill.prepare(kill.params.parse({}), target, ctx)).rejects.toMatchObject({ kind: "environment", where: { node: "redis-a" }, message: 'node "redis-a": ssh ops@10.0.0.7:2222 failed (ssh: connect to host 10.0.0.7 port 2222: No route to host)' });
    host.failure = "hangs";
    await expect(kill.prepare(kill.params.parse({}), target, ctx)).rejects.toMatchObject({ kind: "environment", message: 'node "redis-a": ssh ops@10.0.0.7:2222 failed (killed after 15000 ms)' });
    host.failure = "no-client";
    await expect(kill.prepare(kill.params.parse({}), target, ctx)).rejects.toMatchObject({ kind: "environment", message: 'node "redis-a": could not run ssh to 10.0.0.7 (spawn ssh ENOENT)', cause: { code: "ENOENT" } });
    host.failure = undefined;
    host.table.clear();
    await expect(kill.prepare(kill.params.parse({}), target, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "redis-a" }, message: expect.stringMatching(/^node "redis-a" has no running process on 10\.0\.0\.7 to fault/) });
  });

  it("a node not reached over ssh, or a target that is not a node, is an input error", async () => {
    const { ctx } = world();
    await expect(kill.prepare(kill.params.parse({}), { ...target, node: "redis-b" }, ctx)).rejects.toMatchObject({ kind: "input", message: expect.stringMatching(/node "redis-b" is not reached over SSH/) });
    await expect(kill.prepare(kill.params.parse({}), { kind: "none" }, ctx)).rejects.toMatchObject({ kind: "input" });
    expect(kill.params.safeParse({ signal: "SIGSTOP" }).success).toBe(false);
  });
});
