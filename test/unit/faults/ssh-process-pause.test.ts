// ssh.process.pause against a fake remote host: SIGSTOP of the node's tree by
// identity, the check reading state T from the host's /proc, SIGCONT to heal
// (not abortable, from the recorded roots alone, harmless twice), a reused PID
// never stopped, and a failed signal script as a fault error naming node and host.
import { describe, expect, it } from "vitest";
import { sshProcessPause as pause } from "../../../runners/faults/ssh-process-pause.ts";
import { redisHost, remoteWorld } from "./ssh-fake-host.ts";

const target = { kind: "node" as const, service: "cache", node: "redis-a" };

const world = () => remoteWorld(redisHost());

describe("ssh.process.pause", () => {
  it("stops every process of the node, confirms state T, and heal resumes them", async () => {
    const { host, w, ctx } = world();
    const state = await pause.prepare({}, target, ctx);
    await pause.inject(state, ctx);
    expect(host.sent.at(-1)).toEqual({ host: "10.0.0.7", script: "signal", args: ["STOP", "300:5000", "301:5001"], abortable: true });
    expect([host.state(300), host.state(301), host.state(22)]).toEqual(["T", "T", "S"]);
    expect(w.notes).toEqual(["info: SIGSTOP sent on 10.0.0.7 to pids 300, 301"]);
    expect(await pause.check(state, ctx)).toEqual({ confirmed: true, detail: "2 process(es) of redis-a on 10.0.0.7 are stopped (state T)" });
    await pause.heal(state, ctx);
    expect(host.sent.at(-1)).toMatchObject({ script: "signal", args: ["CONT", "300:5000", "301:5001"] });
    expect([host.state(300), host.state(301)]).toEqual(["S", "S"]);
    expect(await pause.check(state, ctx)).toEqual({ confirmed: false, detail: "not stopped on 10.0.0.7: pids 300, 301" });
    expect(pause.describe(state)).toBe("SIGSTOP redis-a on 10.0.0.7 (pids 300 and their trees)");
  });

  it("heal runs to its end after the run was aborted, and healing twice is harmless", async () => {
    const { host, ctx, abort } = world();
    const state = await pause.prepare({}, target, ctx);
    await pause.inject(state, ctx);
    abort.abort();
    await pause.heal(state, ctx);
    await pause.heal(state, ctx);
    const heals = host.sent.slice(3);
    expect(heals.map((s) => [s.script, s.args[0], s.abortable])).toEqual([["snapshot", "", false], ["signal", "CONT", false], ["snapshot", "", false], ["signal", "CONT", false]]);
    expect([host.state(300), host.state(301)]).toEqual(["S", "S"]);
  });

  it("heal from the recorded state alone, in another process, when the node has died meanwhile: nothing sent, no error", async () => {
    const { host, ctx } = world();
    const state = JSON.parse(JSON.stringify(await pause.prepare({}, target, ctx)));
    host.table.delete(300);
    host.table.delete(301);
    await pause.heal(state, ctx);
    expect(host.sent.map((s) => s.script)).toEqual(["snapshot", "snapshot"]);
    expect(await pause.check(state, ctx)).toEqual({ confirmed: false, detail: "not stopped on 10.0.0.7: pids (no process left)" });
  });

  it("never stops a PID another program took over after it was pinned", async () => {
    const { host, ctx } = world();
    const state = await pause.prepare({}, target, ctx);
    host.table.delete(301);
    host.reuse(300);
    await pause.inject(state, ctx);
    expect(host.state(300)).toBe("S");
    expect(host.sent.map((s) => s.script)).toEqual(["snapshot", "snapshot"]);
  });

  it("never stops a root that exec'd another program since it was pinned, nor its children", async () => {
    const { host, ctx } = world();
    const state = await pause.prepare({}, target, ctx);
    host.exec(300, "/bin/sh -c restore-from-backup");
    await pause.inject(state, ctx);
    expect([host.state(300), host.state(301)]).toEqual(["S", "S"]);
    expect((await pause.check(state, ctx)).confirmed).toBe(false);
  });

  it("a signal script that fails on the host is a fault error naming node, host and what was attempted", async () => {
    const { host, ctx } = world();
    const state = await pause.prepare({}, target, ctx);
    const shell = host.shell;
    ctx.os!.ssh = { run: async (ssh, script, args, o) => (args[0] === "STOP" ? { code: 1, signal: null, stdout: "", stderr: "sh: kill: Operation not permitted\n" } : shell.run(ssh, script, args, o)) };
    await expect(pause.inject(state, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "redis-a" }, message: 'node "redis-a" on 10.0.0.7: sending SIGSTOP failed (exit 1): sh: kill: Operation not permitted' });
  });
});
