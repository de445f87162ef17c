// The docs/design.md definition of "recovered at", written as directly as possible and
// without any cleverness (quadratic): the reference the fast array scan and the
// streaming tracker are both checked against.
import type { Sample } from "../../../runners/probes/sample.ts";

export function oracleRecoveredAt(samples: readonly Sample[], t0: number, stableForMs: number): number | undefined {
  const after = samples.filter((s) => s.t >= t0);
  const firstDisrupted = Math.min(...after.filter((s) => !s.ok).map((s) => s.t));
  if (!Number.isFinite(firstDisrupted)) return undefined;
  const lastT = Math.max(...after.map((s) => s.t));
  const candidates = after.filter((s) => s.t > firstDisrupted).map((s) => s.t).sort((a, b) => a - b);
  for (const t of candidates) {
    const window = after.filter((s) => s.t >= t && s.t <= t + stableForMs);
    if (window.every((s) => s.ok) && lastT >= t + stableForMs) return t;
  }
  return undefined;
}
