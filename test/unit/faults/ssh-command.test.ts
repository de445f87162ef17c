// ssh.command against a fake remote host: the argument arrays sent as they are
// (to `exec "$@"`, never a shell string), the check polled every 200 ms on the
// drill's clock until it passes or checkWithin ends, heal not abortable and
// repeatable, and failures as DrillErrors naming the node and host.
import { describe, expect, it } from "vitest";
import { sshCommand } from "../../../runners/faults/ssh-command.ts";
import { FakeHost, remoteWorld } from "./ssh-fake-host.ts";

const target = { kind: "node" as const, service: "cache", node: "redis-a" };
const rule = ["INPUT", "-p", "tcp", "--dport", "6379", "-j", "DROP"];
const params = (p: Record<string, unknown> = {}) => sshCommand.params.parse({ inject: ["iptables", "-A", ...rule], heal: ["iptables", "-D", ...rule], ...p });

const world = () => remoteWorld(new FakeHost());

describe("ssh.command", () => {
  it("sends inject and heal as argument arrays to the node's host; heal twice sends it twice", async () => {
    const { host, ctx, abort } = world();
    const state = await sshCommand.prepare(params({ timeout: "5s" }), target, ctx);
    expect(state).toMatchObject({ node: "redis-a", ssh: { host: "10.0.0.7", user: "ops", port: 2222 }, timeoutMs: 5_000, checkWithinMs: 10_000 });
    expect(host.sent).toEqual([]); // plan reads nothing remote
    await sshCommand.inject(state, ctx);
    abort.abort();
    await sshCommand.heal(state, ctx);
    await sshCommand.heal(state, ctx);
    expect(host.sent).toEqual([
      { host: "10.0.0.7", script: "exec", args: ["iptables", "-A", ...rule], abortable: true },
      { host: "10.0.0.7", script: "exec", args: ["iptables", "-D", ...rule], abortable: false },
      { host: "10.0.0.7", script: "exec", args: ["iptables", "-D", ...rule], abortable: false },
    ]);
    expect(sshCommand.describe(state)).toBe(`on 10.0.0.7: run ${JSON.stringify(["iptables", "-A", ...rule])} (heal: ${JSON.stringify(["iptables", "-D", ...rule])})`);
  });

  it("check polls every 200 ms until the check command passes", async () => {
    const { host, w, ctx } = world();
    let checks = 0;
    host.answer = (argv) => (argv[0] === "sh" && ++checks < 4 ? { code: 1, stderr: "no rule yet" } : { code: 0, stdout: "-A INPUT … DROP\n" });
    const state = await sshCommand.prepare(params({ check: ["sh", "-c", "iptables -S INPUT | grep -q DROP"], checkWithin: "3s" }), target, ctx);
    expect(await sshCommand.check(state, ctx)).toEqual({ confirmed: true, detail: "confirmed on 10.0.0.7 after 4 attempt(s), 600 ms: -A INPUT … DROP" });
    expect(w.clock.now()).toBe(600);
  });

  it("check gives up at checkWithin, saying how often it tried and why the last try failed", async () => {
    const { host, w, ctx } = world();
    host.answer = () => ({ code: 1, stderr: "still reachable" });
    const state = await sshCommand.prepare(params({ check: ["false"], checkWithin: "1s" }), target, ctx);
    expect(await sshCommand.check(state, ctx)).toEqual({ confirmed: false, detail: 'not confirmed on 10.0.0.7 after 6 attempt(s) within 1000 ms: node "redis-a" on 10.0.0.7: check command ["false"] failed (exit 1): still reachable' });
    expect(w.clock.now()).toBe(1_000);
  });

  it("keeps polling through a host that ssh cannot reach yet, within the bound", async () => {
    const { host, ctx } = world();
    let tries = 0;
    const shell = host.shell;
    ctx.os!.ssh = { run: async (...a) => (++tries < 3 ? { code: 255, signal: null, stdout: "", stderr: "ssh: connect to host 10.0.0.7 port 2222: Connection refused" } : shell.run(...a)) };
    const state = await sshCommand.prepare(params({ check: ["true"] }), target, ctx);
    expect(await sshCommand.check(state, ctx)).toMatchObject({ confirmed: true, detail: "confirmed on 10.0.0.7 after 3 attempt(s), 400 ms" });
  });

  it("without a check command it is unconfirmed and nothing is sent", async () => {
    const { host, ctx } = world();
    const state = await sshCommand.prepare(params(), target, ctx);
    expect(await sshCommand.check(state, ctx)).toEqual({ confirmed: false, detail: "no check command declared" });
    expect(host.sent).toEqual([]);
  });

  it("a failing command is a fault error, an unreachable host an environment error; both name node and host", async () => {
    const { host, ctx } = world();
    host.answer = () => ({ code: 4, stderr: "iptables: Permission denied (you must be root).\n" });
    const state = await sshCommand.prepare(params(), target, ctx);
    await expect(sshCommand.inject(state, ctx)).rejects.toMatchObject({ kind: "fault", where: { node: "redis-a" }, message: `node "redis-a" on 10.0.0.7: inject command ${JSON.stringify(["iptables", "-A", ...rule])} failed (exit 4): iptables: Permission denied (you must be root).` });
    host.failure = "unreachable";
    await expect(sshCommand.heal(state, ctx)).rejects.toMatchObject({ kind: "environment", where: { node: "redis-a" }, message: 'node "redis-a": ssh ops@10.0.0.7:2222 failed (ssh: connect to host 10.0.0.7 port 2222: No route to host)' });
  });

  it("params: commands are non-empty argument arrays; the target must be a node reached over ssh", async () => {
    expect(sshCommand.params.safeParse({ inject: "iptables -F", heal: ["true"] }).success).toBe(false);
    expect(sshCommand.params.safeParse({ inject: [], heal: ["true"] }).success).toBe(false);
    const { ctx } = world();
    await expect(sshCommand.prepare(params(), { kind: "none" }, ctx)).rejects.toMatchObject({ kind: "input" });
    await expect(sshCommand.prepare(params(), { ...target, node: "pg-a" }, ctx)).rejects.toMatchObject({ kind: "input", where: { node: "pg-a" } });
  });
});
