// Preflight: nothing is injected unless every probe is healthy for the steady
// window and the system is at full redundancy. Injecting into a degraded
// system is a real outage, not a drill; `--allow-degraded` overrides the
// redundancy check, and the journal says so.
import { steady } from "../observe.ts";
import { guard, type DrillContext } from "./context.ts";

/** Returns the reason the drill must not start, or undefined when it may. */
export async function preflight(c: DrillContext): Promise<string | undefined> {
  const { o, workload } = c;
  c.phase("preflight", "started");
  if (!(await steady(workload, o.drill.windowsMs.steady, o.preflightGraceMs ?? 30_000, o.signal, c.sleep ? { clock: o.clock, sleep: c.sleep } : undefined))) {
    guard(c);
    return failed(c, `no steady state: probes were not all healthy for ${o.drill.windowsMs.steady} ms within the preflight bound`);
  }
  const redundancy = await o.stack.redundancy?.();
  if (redundancy && !redundancy.full) {
    if (!o.allowDegraded) return failed(c, `the system is not at full redundancy: ${redundancy.detail}`);
    c.note("warn", `the system is not at full redundancy (${redundancy.detail}); drilling anyway, as --allow-degraded asked`);
  }
  c.phase("preflight", "ended", redundancy ? `${redundancy.full ? "full redundancy" : "degraded, allowed"}: ${redundancy.detail}` : undefined);
  return undefined;
}

function failed(c: DrillContext, reason: string): string {
  c.phase("preflight", "failed", reason);
  return reason;
}
