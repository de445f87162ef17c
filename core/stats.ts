// Order statistics over ascending lists of measurements (milliseconds, counts):
// the one median and the one percentile every figure, gate and regression uses.

/** The median of an ascending, non-empty list: the mean of the middle two for an even length. */
export function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0 < p ≤ 100) of an ascending, non-empty list by nearest rank. */
export function nearestRank(sorted: readonly number[], p: number): number {
  // (p × N) / 100, not (p / 100) × N: 0.95 × 100 is 95.00000000000001 in floating point.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
