// command — any fault a user can script (kubectl, a cloud CLI, systemctl …)
// with the command that heals it. Commands are argument arrays; zx quotes every
// element, so names from plans and scenarios cannot inject shell syntax; the
// target node and address reach the command as environment variables.
import { z } from "zod";
import { parseDuration } from "../../core/duration.ts";
import { faultError } from "../../core/errors.ts";
import { Duration } from "../../stacks/lib/schema.ts";
import type { FaultContext, FaultKind } from "./fault.ts";
import { osOf } from "./os-real.ts";

const Argv = z.array(z.string()).min(1, { message: "a command is a non-empty array of arguments" });

export const CommandParams = z.strictObject({
  inject: Argv,
  heal: Argv,
  /** Exit status 0 confirms the fault took effect; run again and again until it does, within `checkWithin`. */
  check: Argv.optional(),
  /** How long `check` may take to confirm the fault: a kill is seen a few ms later, a failover seconds later. */
  checkWithin: Duration.default("10s"),
  timeout: Duration.default("30s"),
  env: z.record(z.string(), z.string()).default({}),
});

interface State {
  [key: string]: unknown;
  inject: string[];
  heal: string[];
  check?: string[];
  /** Absent in records written before polling: then one attempt, as then. */
  checkWithinMs?: number;
  timeoutMs: number;
  env: Record<string, string>;
}

/** Run one of the fault's commands; a DrillError "fault" naming it and its exit status when it fails. */
async function exec(argv: string[], state: State, what: string, ctx: FaultContext, signal?: AbortSignal): Promise<string> {
  const out = await osOf(ctx).commands.run(argv, { env: state.env, timeoutMs: state.timeoutMs, signal });
  if (out.exitCode !== 0) {
    const why = out.exitCode === null ? `signal ${out.signal}` : `exit ${out.exitCode}`;
    const node = state.env.DRILL_TARGET_NODE;
    throw faultError(`${what} command ${JSON.stringify(argv)} failed (${why}): ${out.stderr.trim().slice(0, 500)}`, { fault: ctx.faultId, ...(node ? { node } : {}) });
  }
  return out.stdout.trim();
}

export const commandFault: FaultKind<z.infer<typeof CommandParams>, State> = {
  kind: "command",
  description: "Run a command to inject the fault and another to heal it (no shell; arguments as arrays)",
  params: CommandParams,
  targets: ["none", "node", "endpoint"],
  async prepare(params, target) {
    const env: Record<string, string> = { ...params.env };
    if (target.kind === "node") Object.assign(env, { DRILL_TARGET_NODE: target.node, DRILL_TARGET_ADDRESS: target.address ?? "" });
    if (target.kind === "endpoint") Object.assign(env, { DRILL_TARGET_ENDPOINT: target.endpoint, DRILL_TARGET_ADDRESS: target.address });
    return { inject: params.inject, heal: params.heal, check: params.check, checkWithinMs: parseDuration(params.checkWithin), timeoutMs: parseDuration(params.timeout), env };
  },
  async inject(state, ctx) {
    await exec(state.inject, state, "inject", ctx, ctx.signal);
  },
  async check(state, ctx) {
    if (!state.check) return { confirmed: false, detail: "no check command declared" };
    const { clock } = ctx;
    const started = clock.now();
    const deadline = started + (state.checkWithinMs ?? 0);
    for (let attempts = 1; ; attempts++) {
      try {
        const out = (await exec(state.check, state, "check", ctx, ctx.signal)).slice(0, 200);
        const after = `confirmed after ${attempts} attempt(s), ${Math.round(clock.now() - started)} ms`;
        return { confirmed: true, detail: out ? `${after}: ${out}` : after };
      } catch (error) {
        if (clock.now() >= deadline || ctx.signal.aborted) {
          return { confirmed: false, detail: `not confirmed after ${attempts} attempt(s) within ${state.checkWithinMs ?? 0} ms: ${(error as Error).message}` };
        }
      }
      await osOf(ctx).timers.sleep(200, ctx.signal);
    }
  },
  async heal(state, ctx) {
    // No signal: heal must finish even after Ctrl-C.
    await exec(state.heal, state, "heal", ctx);
  },
  describe: (s) => `run ${JSON.stringify(s.inject)} (heal: ${JSON.stringify(s.heal)})`,
};
