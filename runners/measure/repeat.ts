// Statistics over repeated drills (`--repeat N`). p95 uses the nearest-rank
// method: the smallest value with at least 95 % of the values at or below it,
// i.e. sorted[ceil(0.95 × N) − 1]. It is always one of the observed values, and
// for N < 20 it is the max — with few repetitions, the honest p95 is the worst
// one seen. The median is the middle value, or the mean of the two middle ones.

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
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n, min: sorted[0]!, median, p95: nearestRank(sorted, 95), max: sorted[n - 1]! };
}

/** The p-th percentile (0 < p ≤ 100) of an ascending list by nearest rank. */
export function nearestRank(sorted: readonly number[], p: number): number {
  // (p × N) / 100, not (p / 100) × N: 0.95 × 100 is 95.00000000000001 in floating point.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
