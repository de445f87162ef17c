// ssh.command — a command fault run ON a node's host over SSH: inject, heal and
// an optional check as argument arrays (executed with `exec "$@"` there: no
// remote shell parses them). The check polls until it succeeds within a bound,
// as the local command fault's does; a heal that fails fails the heal.
import { z } from "zod";
import { parseDuration } from "../../core/duration.ts";
import { Duration } from "../../stacks/lib/schema.ts";
import { sshOk } from "../systems/ssh.ts";
import type { FaultContext, FaultKind } from "./fault.ts";
import { osOf } from "./os-real.ts";
import { remoteNode, remoteVia, type RemoteNode } from "./ssh-node.ts";

const Argv = z.array(z.string()).min(1);
export const SshCommandParams = z.strictObject({
  inject: Argv,
  heal: Argv,
  check: Argv.optional(),
  checkWithin: Duration.default("10s"),
  timeout: Duration.default("30s"),
});

type State = Omit<RemoteNode, "process"> & { [key: string]: unknown; inject: string[]; heal: string[]; check?: string[]; checkWithinMs: number; timeoutMs: number };

/** The remote side: the argument array as the command, no shell parsing it. */
export const EXEC_SCRIPT = `exec "$@"\n`;
// A heal is not abortable: it must run to its end even while the run is being stopped.
const run = (s: State, what: "inject" | "heal" | "check", argv: string[], ctx: FaultContext) =>
  sshOk(s.node, s.ssh, `${what} command ${JSON.stringify(argv)}`, EXEC_SCRIPT, argv, { timeoutMs: s.timeoutMs, ...remoteVia(ctx, what !== "heal") });

export const sshCommand: FaultKind<z.infer<typeof SshCommandParams>, State> = {
  kind: "ssh.command",
  description: "Run a command on a node's host over SSH to inject the fault and another to heal it (arguments as arrays)",
  params: SshCommandParams,
  targets: ["node"],
  async prepare(params, target, ctx) {
    const { node, ssh } = await remoteNode("ssh.command", target, ctx);
    return { node, ssh, inject: params.inject, heal: params.heal, ...(params.check ? { check: params.check } : {}), checkWithinMs: parseDuration(params.checkWithin), timeoutMs: parseDuration(params.timeout) };
  },
  async inject(state, ctx) {
    await run(state, "inject", state.inject, ctx);
  },
  async check(state, ctx) {
    if (!state.check) return { confirmed: false, detail: "no check command declared" };
    const started = ctx.clock.now();
    for (let attempts = 1; ; attempts++) {
      try {
        const out = (await run(state, "check", state.check, ctx)).trim().slice(0, 200);
        return { confirmed: true, detail: `confirmed on ${state.ssh.host} after ${attempts} attempt(s), ${Math.round(ctx.clock.now() - started)} ms${out ? `: ${out}` : ""}` };
      } catch (error) {
        if (ctx.clock.now() - started >= state.checkWithinMs || ctx.signal.aborted) return { confirmed: false, detail: `not confirmed on ${state.ssh.host} after ${attempts} attempt(s) within ${state.checkWithinMs} ms: ${(error as Error).message}` };
      }
      await osOf(ctx).timers.sleep(200, ctx.signal);
    }
  },
  async heal(state, ctx) {
    await run(state, "heal", state.heal, ctx);
  },
  describe: (s) => `on ${s.ssh.host}: run ${JSON.stringify(s.inject)} (heal: ${JSON.stringify(s.heal)})`,
};
