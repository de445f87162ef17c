// The fault runner with an in-memory fault kind: the fault is in the on-disk
// fault journal before inject runs, heal clears it only when it succeeded, a
// check that throws marks the fault failed, and healAll heals last-first.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../../core/clock.ts";
import { faultError } from "../../../core/errors.ts";
import { FaultRunner } from "../../../runners/drill/fault-runner.ts";
import type { PreparedDrill, PreparedFault } from "../../../runners/drill/prepare.ts";
import { planOnlyStack } from "../../../runners/drill/stack-adapter.ts";
import { activeFaults } from "../../../runners/faults/fault-journal.ts";
import type { FaultKind } from "../../../runners/faults/fault.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(behaviour: { healFails?: number; checkThrows?: boolean } = {}) {
  dir = mkdtempSync(join(tmpdir(), "fault-runner-"));
  const log: string[] = [];
  let healFailures = behaviour.healFails ?? 0;
  const kind: FaultKind<unknown, { n: number }> = {
    kind: "memory", description: "", params: {} as never, targets: ["none"],
    prepare: async (_p, _t, ctx) => ({ n: Number(ctx.faultId.slice(-1)) }),
    inject: async (s) => {
      // The fault is recorded before it is injected.
      log.push(`inject ${s.n} (journal: ${activeFaults(dir).map((f) => f.id).join(",")})`);
    },
    check: async (s) => {
      if (behaviour.checkThrows) throw faultError("experiment failed: no targets");
      return { confirmed: true, detail: `ok ${s.n}` };
    },
    heal: async (s) => {
      log.push(`heal ${s.n}`);
      if (healFailures-- > 0) throw faultError("iptables -D failed");
    },
    describe: (s) => `memory fault ${s.n}`,
  };
  const events: Record<string, unknown>[] = [];
  const drill = { plan: { services: [{ name: "svc", failoverTargets: [], endpoints: {} }] }, service: { name: "svc" } } as unknown as PreparedDrill;
  const runner = new FaultRunner(drill, "d1", planOnlyStack, { emit: (e: Record<string, unknown>) => void events.push(e) } as never, { clock: manualClock(), signal: new AbortController().signal, stateDir: dir, note: () => undefined });
  const fault = (index: number) => ({ index, spec: { target: { none: true } }, kind, params: {} }) as unknown as PreparedFault;
  return { runner, log, events, fault };
}

describe("fault runner", () => {
  it("records each fault before inject, heals last-first and clears the journal", async () => {
    const { runner, log, events, fault } = setup();
    const a = await runner.inject(fault(0));
    await runner.inject(fault(1));
    await runner.check(a);
    expect(a.confirmed).toBe(true);
    expect(await runner.healAll()).toEqual({ healed: true });
    expect(log).toEqual(["inject 0 (journal: d1-f0)", "inject 1 (journal: d1-f0,d1-f1)", "heal 1", "heal 0"]);
    expect(activeFaults(dir)).toEqual([]);
    expect(events.map((e) => `${e.fault} ${e.event}`)).toEqual(["0 injecting", "0 injected", "1 injecting", "1 injected", "0 confirmed", "1 healing", "1 healed", "0 healing", "0 healed"]);
    await runner.healAll(); // healed already: nothing runs again
    expect(log).toHaveLength(4);
  });

  it("a heal that fails stays in the fault journal for drill recover; the next heal may succeed", async () => {
    const { runner, fault } = setup({ healFails: 1 });
    await runner.inject(fault(0));
    expect(await runner.healAll()).toEqual({ healed: false, detail: "memory (d1-f0): iptables -D failed" });
    expect(activeFaults(dir).map((f) => f.description)).toEqual(["memory fault 0"]);
    expect(await runner.healAll()).toEqual({ healed: true });
    expect(activeFaults(dir)).toEqual([]);
  });

  it("a check that throws a fault error marks the fault failed, which ends the drill", async () => {
    const { runner, events, fault } = setup({ checkThrows: true });
    const a = await runner.inject(fault(0));
    await runner.check(a);
    expect(a).toMatchObject({ confirmed: false, failure: "experiment failed: no targets" });
    expect(events.at(-1)).toMatchObject({ event: "unconfirmed", detail: "check failed: experiment failed: no targets" });
  });
});
