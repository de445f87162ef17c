// A subscriber that fails (the journal writer on a full disk) must end the drill
// as error, naming it: a verdict over a truncated journal would be evidence of
// nothing. No processes: a drill with no clients and no faults, on the plan only.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import type { JournalRecordT } from "../../../journal/format.ts";
import { EventBus } from "../../../runners/drill/bus.ts";
import { prepareScenario, type PreparedDrill } from "../../../runners/drill/prepare.ts";
import { runDrill } from "../../../runners/drill/run-drill.ts";
import { planOnlyStack } from "../../../runners/drill/stack-adapter.ts";
import { loadPlanFile } from "../../../runners/plan/load.ts";

const plan = loadPlanFile(fileURLToPath(new URL("../../fixtures/plans/clean.json", import.meta.url))).plan;
const scenario = { service: "db", hazard: "node-loss", faults: [{ kind: "process.kill", target: { role: "primary" } }], workload: { probes: [{ kind: "postgres", endpoint: "primary" }] } };

/** The fixture's drill without clients or faults: nothing to start, so the lifecycle alone is under test. */
function bareDrill(): PreparedDrill {
  const d = prepareScenario(scenario, "scenarios/dev/db-node-loss.ts", "db-node-loss", plan, "fixture");
  return { ...d, faults: [], probeSpecs: [], ledgerSpecs: [], windowsMs: { steady: 0, baseline: 0, stableFor: 0, observeTimeout: 500, after: 0, quietFor: 0 } };
}

const ENOSPC = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

async function drillWith(failOn: (e: JournalRecordT) => boolean) {
  const bus = new EventBus();
  const seen: JournalRecordT[] = [];
  bus.on((e) => seen.push(e), "recorder");
  bus.on((e) => {
    if (failOn(e)) throw ENOSPC;
  }, "journal writer");
  const summary = await runDrill({
    drill: bareDrill(), drillId: "subscriber-failure", stack: planOnlyStack, bus, clock: monotonicClock(),
    stateDir: mkdtempSync(join(tmpdir(), "cd-bus-")), signal: new AbortController().signal, tool: { name: "test", version: "0" },
  });
  return { summary, seen, bus };
}

describe("a subscriber that fails", () => {
  it("control: the same drill with healthy subscribers is not an error", async () => {
    const { summary } = await drillWith(() => false);
    expect(summary.outcome).not.toBe("error");
  });

  it("during the drill ends it as error, naming the subscriber and what it threw, before anything is injected", async () => {
    const { summary, seen, bus } = await drillWith((e) => e.type === "phase" && e.phase === "preflight");
    expect(summary.outcome).toBe("error");
    expect(summary.reason).toMatch(/"journal writer" failed on a phase record \(ENOSPC: no space left on device/);
    expect(summary.verdicts.filter((v) => v.status === "met")).toEqual([]);
    expect(bus.failure?.subscriber).toBe("journal writer");
    // The drill stopped at the phase boundary: no baseline, no inject.
    const phases = seen.filter((e) => e.type === "phase").map((e) => (e as { phase: string }).phase);
    expect(phases).not.toContain("baseline");
    expect(phases).not.toContain("inject");
    expect(phases).toContain("heal");
  });

  it("on the summary itself turns the returned summary into an error", async () => {
    const { summary } = await drillWith((e) => e.type === "summary");
    expect(summary.outcome).toBe("error");
    expect(summary.reason).toMatch(/"journal writer" failed on a summary record/);
  });
});
