// Inject: every fault of the scenario, in order. Returns the inject window — the
// fault's onset lies inside it, and is found from the samples at the end
// (onset.ts) — so a blocking inject's outage is measured, not lost before t0.
import type { InjectWindow } from "../../measure/index.ts";
import type { ActiveInjection } from "../fault-runner.ts";
import { guard, type DrillContext } from "./context.ts";

export interface Injection {
  window: InjectWindow;
  injected: ActiveInjection[];
  /** Each fault's check (is it really in effect?), settled before observe ends. */
  checks: Promise<void>[];
}

export async function inject(c: DrillContext): Promise<Injection> {
  const { o, workload, faults } = c;
  const { drill, clock } = o;
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
  workload.startMeasuring(window.startedAt, drill.windowsMs.stableFor);
  c.phase("inject", "ended", drill.faults.length ? undefined : "no fault: t0 is when the first manual step is shown");
  return { window, injected, checks };
}
