// The phases baseline, inject and observe, composed with faked workload and faults:
// the inject window is the first fault's [inject called, inject returned],
// timed faults heal when due on the drill's clock, observe ends when every
// sampler recovered, at its bound, or when a fault failed.
import { describe, expect, it } from "vitest";
import type { ActiveInjection } from "../../../runners/drill/fault-runner.ts";
import { baseline } from "../../../runners/drill/phases/baseline.ts";
import type { DrillContext } from "../../../runners/drill/phases/context.ts";
import { inject } from "../../../runners/drill/phases/inject.ts";
import { observe } from "../../../runners/drill/phases/observe.ts";
import type { InjectWindow } from "../../../runners/measure/index.ts";
import { fakeDrill } from "./fake-drill.ts";

type StepOptions = Parameters<typeof baseline>[1];

/** baseline, inject, observe composed as runDrill composes them. */
async function method(c: DrillContext, steps: unknown[], stepOptions: StepOptions, onWindow: (w: InjectWindow) => void) {
  steps.push(...(await baseline(c, stepOptions)));
  const injection = await inject(c);
  onWindow(injection.window);
  await observe(c, injection, stepOptions, steps as Parameters<typeof observe>[3]);
  return { window: injection.window, injected: injection.injected };
}

const stepOptions = (f: ReturnType<typeof fakeDrill>) => ({ drillId: "d1", stateDir: "/nonexistent", clock: f.clock, signal: f.abort.signal, all: [], emit: () => undefined });

describe("baseline, inject, observe phases", () => {
  it("baseline, then inject and check every fault, then observe until recovered", async () => {
    const f = fakeDrill({ faults: [{ kind: "process.kill" }, { kind: "net.proxy" }] });
    f.workload.recoveredFrom = 6_000;
    let heard: unknown;
    const r = await method(f.c, [], stepOptions(f), (w) => (heard = w));
    // baseline 2 s, then two injects of 10 ms each: the window is the first's.
    expect(r.window).toEqual({ startedAt: 2_000, returnedAt: 2_010 });
    expect(heard).toEqual(r.window);
    expect(r.injected.map((a) => a.id)).toEqual(["d1-f0", "d1-f1"]);
    // Each fault's check starts as soon as it is injected, beside observation.
    expect(f.faultCalls).toEqual(["inject f0", "check f0", "inject f1", "check f1"]);
    expect(f.workload.calls).toEqual(["baseline@0", "startLedgers", "measure from 2000 stableFor 1000"]);
    expect(f.clock.now()).toBeGreaterThanOrEqual(6_000);
    expect(f.clock.now()).toBeLessThan(6_100);
    expect(f.phases).toEqual(["baseline started", "baseline ended", "inject started", "inject ended", "observe started", "observe ended: recovered"]);
  });

  it("heals a timed fault when it is due, on the drill's clock", async () => {
    const f = fakeDrill({ faults: [{ kind: "process.pause", durationMs: 3_000 }] });
    f.workload.recoveredFrom = 8_000;
    await method(f.c, [], stepOptions(f), () => undefined);
    expect(f.faultCalls).toEqual(["inject f0", "check f0", "heal f0"]);
  });

  it("ends observing at its bound when the service never recovers", async () => {
    const f = fakeDrill({ faults: [{ kind: "process.kill" }], windows: { observeTimeout: 4_000 } });
    f.workload.recoveredFrom = Infinity;
    await method(f.c, [], stepOptions(f), () => undefined);
    expect(f.phases.at(-1)).toBe("observe ended: not recovered within 4000 ms");
    expect(f.clock.now()).toBeGreaterThanOrEqual(2_010 + 4_000);
  });

  it("no disruption at all is said so, after quietFor", async () => {
    const f = fakeDrill({ faults: [{ kind: "command" }], windows: { quietFor: 3_000 } });
    f.workload.disruptionSeen = false;
    f.workload.recoveredFrom = Infinity;
    await method(f.c, [], stepOptions(f), () => undefined);
    expect(f.phases.at(-1)).toBe("observe ended: no disruption observed within 3000 ms");
  });

  it("a fault that failed (its check saw the experiment fail) ends the drill with the reason", async () => {
    const f = fakeDrill({ faults: [{ kind: "fis.experiment" }] });
    f.workload.recoveredFrom = Infinity;
    (f.c.faults as { check: (a: ActiveInjection) => Promise<void> }).check = async (a) => void (a.failure = "FIS experiment EXP1 failed: no targets");
    await expect(method(f.c, [], stepOptions(f), () => undefined)).rejects.toThrow("fis.experiment failed: FIS experiment EXP1 failed: no targets");
  });

  it("an interrupt during baseline injects nothing", async () => {
    const f = fakeDrill({ faults: [{ kind: "process.kill" }] });
    f.c.sleep = async (ms) => {
      f.clock.advance(ms);
      f.abort.abort();
    };
    await expect(method(f.c, [], stepOptions(f), () => undefined)).rejects.toMatchObject({ kind: "interrupted" });
    expect(f.faultCalls).toEqual([]);
  });

  it("a game day without a fault starts the clock when the first step is shown", async () => {
    const f = fakeDrill();
    const r = await method(f.c, [], stepOptions(f), () => undefined);
    expect(r).toEqual({ window: { startedAt: 2_000, returnedAt: 2_000 }, injected: [] });
    expect(f.phases).toContain("inject ended: no fault: t0 is when the first manual step is shown");
  });
});
