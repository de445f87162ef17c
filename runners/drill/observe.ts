// The waiting parts of a drill: preflight's wait for a steady state, and the
// observe phase — until every probe recovered or the bound, healing timed
// faults exactly when they are due.
import type { Clock } from "../../core/clock.ts";
import { faultError } from "../../core/errors.ts";
import { sleep } from "../../core/sleep.ts";
import type { FaultRunner, ActiveInjection } from "./fault-runner.ts";
import type { PreparedDrill } from "./prepare.ts";
import type { Workload } from "./workload.ts";

/** How the waiting parts wait: a clock and a sleep (the drill's, or a fake clock's in unit tests). */
export interface Waiting {
  clock: Pick<Clock, "now">;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const realWaiting: Waiting = { clock: { now: () => performance.now() }, sleep };

/** Preflight: every probe healthy for `steadyMs`, waiting at most steady + grace. */
export async function steady(w: Pick<Workload, "steadyFor">, steadyMs: number, graceMs: number, signal: AbortSignal, waiting: Waiting = realWaiting): Promise<boolean> {
  const deadline = waiting.clock.now() + steadyMs + graceMs;
  while (waiting.clock.now() < deadline && !signal.aborted) {
    if (w.steadyFor(steadyMs)) return true;
    await waiting.sleep(50, signal);
  }
  return w.steadyFor(steadyMs);
}

export interface ObserveOptions {
  drill: PreparedDrill;
  clock: Clock;
  signal: AbortSignal;
  /** Default: core/sleep. */
  sleep?: Waiting["sleep"];
}

/**
 * Observe until every sampler (probe and ledger writer) recovered — or, never
 * disrupted, stayed healthy for quietFor — or the bound; heal timed faults
 * exactly when due. With manual steps, also until they are done, and a service
 * the operators never disrupted is done `stableFor` after them. `t0` here is
 * when inject returned; the measured onset may be earlier (onset.ts). Clients
 * keep running after this: through heal, restore and rejoin.
 */
export async function observe(o: ObserveOptions, w: Pick<Workload, "disruptionSeen" | "allRecovered">, faults: Pick<FaultRunner, "heal">, injected: ActiveInjection[], t0: number, steps: { done: boolean; endedAt: number }): Promise<string> {
  const { clock, drill } = o;
  const end = t0 + drill.windowsMs.observeTimeout;
  const due = (a: ActiveInjection) => (a.healed || a.fault.durationMs === undefined ? Infinity : a.injectedAt! + a.fault.durationMs);
  while (clock.now() < end && !o.signal.aborted) {
    for (const a of injected) {
      if (clock.now() < due(a)) continue;
      await faults.heal(a);
      // A timed heal that failed ends observing: retrying it every tick would hide it; the final heal tries once more.
      if (!a.healed) throw faultError(`heal of ${a.fault.kind.kind} failed: ${a.healError ?? "unknown"}`, { fault: a.fault.kind.kind });
    }
    const failed = injected.find((a) => a.failure);
    if (failed) throw faultError(`${failed.fault.kind.kind} failed: ${failed.failure}`, { fault: failed.fault.kind.kind });
    // Nothing seen: after manual steps, once stableFor has passed since the last;
    // otherwise once quietFor has passed since t0.
    const quietOver = clock.now() - t0 >= drill.windowsMs.quietFor;
    const quiet = !w.disruptionSeen && (drill.steps.length > 0 ? clock.now() - steps.endedAt >= drill.windowsMs.stableFor : quietOver);
    if (steps.done && (w.allRecovered(quietOver) || quiet)) {
      return w.disruptionSeen ? "recovered" : `no disruption observed within ${drill.steps.length ? "stableFor after the manual steps" : `${drill.windowsMs.quietFor} ms`}`;
    }
    const nextHeal = Math.min(...injected.map(due));
    await (o.sleep ?? sleep)(Math.max(0, Math.min(50, nextHeal - clock.now(), end - clock.now())), o.signal);
  }
  return o.signal.aborted ? "interrupted" : `not recovered within ${drill.windowsMs.observeTimeout} ms`;
}
