// Observe: watch the clients until every probe recovered or the bound, healing
// timed faults when due (../observe.ts), while a game day's after-inject steps run.
import { observe as watch } from "../observe.ts";
import type { StepOptions } from "./baseline.ts";
import { guard, type DrillContext } from "./context.ts";
import type { Injection } from "./inject.ts";
import { runSteps, type StepOutcome } from "../../gameday/step-runner.ts";

/**
 * Manual steps run after the inject are pushed to `steps` as they finish — also
 * when observing throws, so judge still sees what the operators did.
 */
export async function observe(c: DrillContext, { window, injected, checks }: Injection, stepOptions: StepOptions, steps: StepOutcome[]): Promise<void> {
  const { o, workload, faults } = c;
  const { drill, clock } = o;
  c.phase("observe", "started");
  const manual = drill.steps.filter((st) => st.at === "after-inject");
  const progress = { done: manual.length === 0, endedAt: clock.now() };
  const stepsRun = runSteps(manual, { ...stepOptions, ...(drill.faults.length ? {} : { firstShownAt: window.returnedAt }) }).then((r) => {
    steps.push(...r);
    Object.assign(progress, { done: true, endedAt: clock.now() });
  });
  const outcome = await watch({ ...o, ...(c.sleep ? { sleep: c.sleep } : {}) }, workload, faults, injected, window.returnedAt, progress);
  await stepsRun;
  await Promise.all(checks);
  c.phase("observe", "ended", outcome);
  guard(c);
}
