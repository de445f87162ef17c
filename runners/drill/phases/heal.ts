// Heal, restore, watch. Heal is issued first — on success, error, timeout and
// on a signal — before anything waits on clients, because a fault must never
// outlive the drill a moment longer than it has to. The clients keep running
// through heal, restore and rejoin, until full redundancy is back plus
// `after`: a disruption then (failback) is its own figure, measured from the
// moment heal began (Workload.armHeal).
import { wait, type DrillContext } from "./context.ts";

export interface HealResult {
  healed: boolean;
  /** What could not be healed (left in the fault journal for `drill recover`). */
  detail?: string;
  healStartedAt: number;
}

export async function heal(c: DrillContext, measuring: boolean): Promise<HealResult> {
  const healStartedAt = c.o.clock.now();
  if (measuring) c.workload.armHeal(healStartedAt);
  c.phase("heal", "started");
  const r = await c.faults.healAll();
  c.phase("heal", r.healed ? "ended" : "failed", r.healed ? undefined : `could not heal: ${r.detail}; the fault is left for \`drill recover\``);
  return { ...r, healStartedAt };
}

export interface RestoreResult {
  /** Full redundancy confirmed (by the stack's restore, or its live check). */
  full?: boolean;
  /** From heal's start to full redundancy confirmed (ms). */
  timeToFullRedundancyMs?: number;
  detail?: string;
}

/** Bring the system back to full redundancy with the clients still watching; time it. */
export async function restore(c: DrillContext, healStartedAt: number): Promise<RestoreResult> {
  const { o } = c;
  if (!o.drill.scenario.restoreRedundancy || (!o.stack.restore && !o.stack.redundancy) || o.hardSignal?.aborted) {
    c.phase("restore", "skipped", o.stack.restore || o.stack.redundancy ? "skipped" : "the stack has nothing to restore");
    return {};
  }
  c.phase("restore", "started");
  try {
    const detail = o.stack.restore ? await o.stack.restore((m) => c.note("info", m)) : undefined;
    const live = o.stack.redundancy ? await waitForRedundancy(c) : undefined;
    // Without a live check, the stack's own restore is all we know: full redundancy unconfirmed.
    const full = live?.full;
    const timeToFullRedundancyMs = full ? o.clock.now() - healStartedAt : undefined;
    const text = [detail, live?.detail].filter(Boolean).join("; ");
    c.phase("restore", full === false ? "failed" : "ended", text || undefined);
    return { ...(full !== undefined ? { full } : {}), ...(timeToFullRedundancyMs !== undefined ? { timeToFullRedundancyMs } : {}), ...(text ? { detail: text } : {}) };
  } catch (error) {
    c.phase("restore", "failed", (error as Error).message);
    return { full: false, detail: (error as Error).message };
  }
}

/** Poll the live redundancy check until full, bounded by the observe timeout. */
async function waitForRedundancy(c: DrillContext): Promise<{ full: boolean; detail: string }> {
  const { clock } = c.o;
  const deadline = clock.now() + c.o.drill.windowsMs.observeTimeout;
  for (;;) {
    const r = await c.o.stack.redundancy!();
    if (r.full || clock.now() >= deadline || c.o.hardSignal?.aborted) return r;
    await wait(c, 250, c.o.hardSignal);
  }
}

/** Keep watching `after` more, and until a disruption that began after heal is over (bounded). */
export async function watchAfter(c: DrillContext): Promise<void> {
  const { o, workload } = c;
  if (o.signal.aborted) return;
  await wait(c, o.drill.windowsMs.after, o.signal);
  const deadline = o.clock.now() + o.drill.windowsMs.observeTimeout;
  while (!workload.healSettled() && o.clock.now() < deadline && !o.signal.aborted) await wait(c, 50, o.signal);
}
