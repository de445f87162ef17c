// Restore, for a system we did not build: nothing of ours heals it, so restore
// is waiting — bounded — until its own HA software has every node back in its
// role and replicating, and saying how long that took (time to full redundancy).
import type { RedundancyVerdict } from "./redundancy.ts";

export interface RedundancyWait extends RedundancyVerdict {
  /** Milliseconds from the start of the wait to the first full reading (or to giving up). */
  afterMs: number;
  /** How many readings were taken. */
  readings: number;
}

/**
 * Poll `check` every `everyMs` (default 500) until it reports full redundancy
 * or `boundMs` has passed. Never throws for a degraded system: the caller
 * decides what a `full: false` answer means (preflight: not-started; restore: failed).
 */
export async function awaitRedundancy(check: () => Promise<RedundancyVerdict>, boundMs: number, opts: { everyMs?: number; signal?: AbortSignal; onReading?: (v: RedundancyVerdict) => void } = {}): Promise<RedundancyWait> {
  const started = performance.now();
  let readings = 0;
  for (;;) {
    const verdict = await check();
    readings += 1;
    opts.onReading?.(verdict);
    const afterMs = performance.now() - started;
    if (verdict.full || afterMs >= boundMs || opts.signal?.aborted) return { ...verdict, afterMs, readings };
    await new Promise((ok) => setTimeout(ok, Math.min(opts.everyMs ?? 500, Math.max(0, boundMs - afterMs))));
  }
}
