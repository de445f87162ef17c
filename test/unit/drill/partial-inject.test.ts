// A drill whose second fault fails to inject after the first took effect (a node
// killed) must still restore redundancy: heal does nothing for a kill, so only
// restore brings the node back — else the next drills start on a degraded system.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { faultError } from "../../../core/errors.ts";
import { EventBus } from "../../../runners/drill/bus.ts";
import { prepareScenario, type PreparedDrill } from "../../../runners/drill/prepare.ts";
import { runDrill } from "../../../runners/drill/run-drill.ts";
import { planOnlyStack, type StackAdapter } from "../../../runners/drill/stack-adapter.ts";
import type { FaultKind } from "../../../runners/faults/fault.ts";
import { loadPlanFile } from "../../../runners/plan/load.ts";

const plan = loadPlanFile(fileURLToPath(new URL("../../fixtures/plans/clean.json", import.meta.url))).plan;
const scenario = { service: "db", hazard: "node-loss", faults: [{ kind: "process.kill", target: { role: "primary" } }], workload: { probes: [{ kind: "postgres", endpoint: "primary" }] } };

const injected: string[] = [];
const fault = (name: string, fails: boolean): FaultKind<unknown, Record<string, unknown>> => ({
  kind: name, description: name, params: z.object({}), targets: ["none"],
  prepare: async () => ({ name }),
  inject: async () => {
    if (fails) throw faultError(`${name}: refused`);
    injected.push(name);
  },
  check: async () => ({ confirmed: true, detail: "in effect" }),
  heal: async () => undefined,
  describe: () => name,
} as unknown as FaultKind<unknown, Record<string, unknown>>);

function drillWithFaults(): PreparedDrill {
  const d = prepareScenario(scenario, "scenarios/dev/db-node-loss.ts", "db-node-loss", plan, "fixture");
  const faults = [fault("test.kill", false), fault("test.refused", true)].map((kind, index) => ({ index, spec: { kind: kind.kind, target: { none: true } } as never, kind, params: {} }));
  return { ...d, faults, probeSpecs: [], ledgerSpecs: [], windowsMs: { steady: 0, baseline: 0, stableFor: 0, observeTimeout: 500, after: 0, quietFor: 0 } };
}

describe("a second fault that fails to inject", () => {
  it("still restores redundancy after the first one took effect, and the drill is an error naming it", async () => {
    let restores = 0;
    const stack: StackAdapter = { ...planOnlyStack, restore: async () => (restores++, "restarted the killed node") };
    const summary = await runDrill({
      drill: drillWithFaults(), drillId: "partial-inject", stack, bus: new EventBus(), clock: monotonicClock(),
      stateDir: mkdtempSync(join(tmpdir(), "cd-partial-")), signal: new AbortController().signal, tool: { name: "test", version: "0" },
    });
    expect(injected, JSON.stringify(summary).slice(0, 600)).toEqual(["test.kill"]);
    expect(summary.outcome).toBe("error");
    expect(summary.reason).toMatch(/test\.refused: refused/);
    expect(restores).toBe(1);
  });
});
