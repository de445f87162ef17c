// Statistics over repeated drills (`--repeat N`). p95 uses the nearest-rank
// method: the smallest value with at least 95 % of the values at or below it,
// i.e. sorted[ceil(0.95 × N) − 1]. It is always one of the observed values, and
// for N < 20 it is the max — with few repetitions, the honest p95 is the worst
// one seen. The median is the middle value, or the mean of the two middle ones.

import { median, nearestRank } from "../../core/stats.ts";

export { nearestRank };

export interface RepeatStats {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

/**
 * Undefined for an empty list: there are no statistics of nothing. A run that
 * never recovered may be passed as Infinity: it then shows in max (and p95),
 * which is where a gate must see it. NaN is not a measurement and is ignored.
 */
export function repeatStats(values: readonly number[]): RepeatStats | undefined {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return undefined;
  return { n, min: sorted[0]!, median: median(sorted), p95: nearestRank(sorted, 95), max: sorted[n - 1]! };
}

