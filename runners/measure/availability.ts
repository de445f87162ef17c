// Availability: the share of samples that were healthy, in percent. Sample-based
// (every sample weighs one interval) because the probes are open loop at a fixed
// rate: a share of samples is a share of time, to one interval.
import type { Sample } from "../probes/sample.ts";

export interface Availability {
  ok: number;
  total: number;
  /** 100 × ok / total; undefined when no sample fell in the window. */
  percent: number | undefined;
}

export function availabilityOf(ok: number, total: number): Availability {
  return { ok, total, percent: total > 0 ? (100 * ok) / total : undefined };
}

/** Samples sent in [from, to). */
export function availabilityIn(samples: readonly Sample[], from: number, to: number): Availability {
  let ok = 0;
  let total = 0;
  for (const s of samples) {
    if (s.t < from || s.t >= to) continue;
    total++;
    if (s.ok) ok++;
  }
  return availabilityOf(ok, total);
}
