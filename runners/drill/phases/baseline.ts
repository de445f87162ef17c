// Baseline: the clients' view of the healthy system before anything is injected
// (ledgers start writing, probes keep sampling), then the manual steps a game day
// runs before the fault.
import { runSteps, type StepOutcome } from "../../gameday/step-runner.ts";
import { guard, wait, type DrillContext } from "./context.ts";

export type StepOptions = Parameters<typeof runSteps>[1];

/** Returns the manual steps run before the inject (empty without a game day). */
export async function baseline(c: DrillContext, stepOptions: StepOptions): Promise<StepOutcome[]> {
  const { o, workload } = c;
  c.phase("baseline", "started");
  workload.markBaseline();
  await workload.startLedgers();
  await wait(c, o.drill.windowsMs.baseline, o.signal);
  guard(c);
  c.phase("baseline", "ended");
  const steps = await runSteps(o.drill.steps.filter((st) => st.at === "before-inject"), stepOptions);
  guard(c);
  return steps;
}
