// The command fault with commands faked: inject, check (polled on the drill's
// clock, within checkWithin), heal, heal twice, and failures as fault errors
// naming the command. (command-fault.test.ts runs real processes for quoting.)
import { describe, expect, it } from "vitest";
import { commandFault } from "../../../runners/faults/command.ts";
import { fakeWorld } from "./fake-os.ts";

const params = (p: Record<string, unknown>) => commandFault.params.parse({ inject: ["kubectl", "delete", "pod", "db-0"], heal: ["kubectl", "scale", "sts/db", "--replicas=3"], ...p });

describe("command fault", () => {
  it("runs inject with the target in the environment, and heal twice harmlessly", async () => {
    const w = fakeWorld();
    const ctx = w.ctx();
    const state = await commandFault.prepare(params({ env: { KUBECONFIG: "/k" } }), { kind: "node", service: "db", node: "db-0", address: "10.0.0.5:5432" }, ctx);
    await commandFault.inject(state, ctx);
    await commandFault.heal(state, ctx);
    await commandFault.heal(state, ctx);
    expect(w.commands.map((c) => c.argv.join(" "))).toEqual(["kubectl delete pod db-0", "kubectl scale sts/db --replicas=3", "kubectl scale sts/db --replicas=3"]);
    expect(w.commands[0]!.env).toEqual({ KUBECONFIG: "/k", DRILL_TARGET_NODE: "db-0", DRILL_TARGET_ADDRESS: "10.0.0.5:5432" });
    expect(commandFault.describe(state)).toBe('run ["kubectl","delete","pod","db-0"] (heal: ["kubectl","scale","sts/db","--replicas=3"])');
  });

  it("check polls every 200 ms until the check command succeeds", async () => {
    const w = fakeWorld();
    let checks = 0;
    w.answer = (argv) => (argv[0] === "test" && ++checks < 4 ? { exitCode: 1, stdout: "", stderr: "not yet" } : { exitCode: 0, stdout: "pod gone", stderr: "" });
    const ctx = w.ctx();
    const state = await commandFault.prepare(params({ check: ["test", "-e", "/gone"], checkWithin: "5s" }), { kind: "none" }, ctx);
    expect(await commandFault.check(state, ctx)).toEqual({ confirmed: true, detail: "confirmed after 4 attempt(s), 600 ms: pod gone" });
  });

  it("check gives up at checkWithin and says how often it tried", async () => {
    const w = fakeWorld();
    w.answer = () => ({ exitCode: 1, stdout: "", stderr: "still there" });
    const ctx = w.ctx();
    const state = await commandFault.prepare(params({ check: ["false"], checkWithin: "1s" }), { kind: "none" }, ctx);
    const r = await commandFault.check(state, ctx);
    expect(r.confirmed).toBe(false);
    expect(r.detail).toMatch(/^not confirmed after 6 attempt\(s\) within 1000 ms: check command \["false"\] failed \(exit 1\): still there$/);
    expect(w.clock.now()).toBe(1_000);
  });

  it("without a check command the fault is unconfirmed, and nothing runs", async () => {
    const w = fakeWorld();
    const ctx = w.ctx();
    const state = await commandFault.prepare(params({}), { kind: "none" }, ctx);
    expect(await commandFault.check(state, ctx)).toEqual({ confirmed: false, detail: "no check command declared" });
    expect(w.commands).toEqual([]);
  });

  it("a failing inject or heal is a fault error naming the command, its status and the node", async () => {
    const w = fakeWorld();
    w.answer = (argv) => (argv[1] === "delete" ? { exitCode: 7, stdout: "", stderr: "forbidden\n" } : { exitCode: null, signal: "SIGTERM", stdout: "", stderr: "" });
    const ctx = w.ctx();
    const state = await commandFault.prepare(params({}), { kind: "node", service: "db", node: "db-0" }, ctx);
    await expect(commandFault.inject(state, ctx)).rejects.toMatchObject({ kind: "fault", where: { fault: "d1-f0", node: "db-0" }, message: 'inject command ["kubectl","delete","pod","db-0"] failed (exit 7): forbidden' });
    await expect(commandFault.heal(state, ctx)).rejects.toMatchObject({ kind: "fault", message: expect.stringMatching(/^heal command .* failed \(signal SIGTERM\)/) });
  });

  it("params: commands are non-empty argument arrays, never a shell string", () => {
    expect(commandFault.params.safeParse({ inject: "rm -rf /", heal: ["true"] }).success).toBe(false);
    expect(commandFault.params.safeParse({ inject: [], heal: ["true"] }).success).toBe(false);
    expect(commandFault.params.safeParse({ inject: ["true"] }).success).toBe(false);
  });
});
