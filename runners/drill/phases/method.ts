// The method: baseline, inject, observe. Returns the inject window — the fault's
// onset lies inside it, and is found from the samples at the end (onset.ts) —
// so a blocking inject's outage is measured, not lost before t0.
import type { InjectWindow } from "../../measure/index.ts";
import { runSteps, type StepOutcome } from "../../gameday/step-runner.ts";
import type { ActiveInjection } from "../fault-runner.ts";
import { observe } from "../observe.ts";
import { guard, wait, type DrillContext } from "./context.ts";

export interface MethodResult {
  window: InjectWindow;
  injected: ActiveInjection[];
}

/** `onWindow` hears the window as soon as it is known, so heal and judge have it even if observe throws. */
export async function method(c: DrillContext, steps: StepOutcome[], stepOptions: Parameters<typeof runSteps>[1], onWindow: (w: InjectWindow) => void): Promise<MethodResult> {
  const { o, workload, faults } = c;
  const { drill, clock } = o;
  c.phase("baseline", "started");
  workload.markBaseline();
  await workload.startLedgers();
  await wait(c, drill.windowsMs.baseline, o.signal);
  guard(c);
  c.phase("baseline", "ended");
  steps.push(...(await runSteps(drill.steps.filter((st) => st.at === "before-inject"), stepOptions)));
  guard(c);
  c.phase("inject", "started");
  const injected: ActiveInjection[] = [];
  let window: InjectWindow | undefined;
  const checks: Promise<void>[] = [];
  for (const f of drill.faults) {
    guard(c);
    const a = await faults.inject(f);
    injected.push(a);
    window ??= { startedAt: a.startedAt!, returnedAt: a.injectedAt! };
    checks.push(faults.check(a));
  }
  // A game day without a fault: the disruption is the operator's to cause, so
  // the clock starts when their first step is shown — RTO includes the people.
  window ??= { startedAt: clock.now(), returnedAt: clock.now() };
  onWindow(window);
  workload.startMeasuring(window.startedAt, drill.windowsMs.stableFor);
  c.phase("inject", "ended", drill.faults.length ? undefined : "no fault: t0 is when the first manual step is shown");
  c.phase("observe", "started");
  const manual = drill.steps.filter((st) => st.at === "after-inject");
  const progress = { done: manual.length === 0, endedAt: clock.now() };
  const stepsRun = runSteps(manual, { ...stepOptions, ...(drill.faults.length ? {} : { firstShownAt: window.returnedAt }) }).then((r) => {
    steps.push(...r);
    Object.assign(progress, { done: true, endedAt: clock.now() });
  });
  const outcome = await observe({ ...o, ...(c.sleep ? { sleep: c.sleep } : {}) }, workload, faults, injected, window.returnedAt, progress);
  await stepsRun;
  await Promise.all(checks);
  c.phase("observe", "ended", outcome);
  guard(c);
  return { window, injected };
}
