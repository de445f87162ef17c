// Down-sampling that cannot hide a short outage. Samples fall into time buckets;
// a bucket keeps counts, the worst latency and whether anything went wrong, so one
// failed sample among a thousand still marks its bucket. When a series spans more
// buckets than a chart has pixels for, neighbouring buckets merge pairwise (the
// width doubles) — merging sums and maxima loses nothing a chart shows. One pass,
// bounded memory, whatever the drill's length or the order samples arrive in.

export interface BucketOps<B> {
  empty(): B;
  /** Fold `from` into `into` (both describe disjoint halves of the merged bucket). */
  merge(into: B, from: B): void;
}

export interface Bucketed<B> {
  start: number;
  end: number;
  value: B;
}

export class AdaptiveBuckets<B> {
  private width: number;
  private readonly slots = new Map<number, B>();
  private lo = Infinity;
  private hi = -Infinity;

  constructor(
    private readonly ops: BucketOps<B>,
    /** The series' own sampling interval: buckets are never narrower (a bucket per sample at most). */
    private readonly intervalMs: number,
    /** At most this many buckets between the first and the last. */
    private readonly maxBuckets = 800,
  ) {
    this.width = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(intervalMs, 1))));
  }

  /** The bucket holding time `t` (ms), created when new. */
  at(t: number): B {
    let key = Math.floor(t / this.width);
    while (Math.max(this.hi, key) - Math.min(this.lo, key) + 1 > this.maxBuckets) {
      this.coarsen();
      key = Math.floor(t / this.width);
    }
    let slot = this.slots.get(key);
    if (!slot) {
      slot = this.ops.empty();
      this.slots.set(key, slot);
      this.lo = Math.min(this.lo, key);
      this.hi = Math.max(this.hi, key);
    }
    return slot;
  }

  /** The current bucket width in ms. */
  get widthMs(): number {
    return this.width;
  }

  /**
   * Buckets in time order. A bucket left empty only because samples come less
   * often than the bucket width is bridged (its neighbour stretches over it);
   * longer silences stay gaps — no data is not the same as healthy.
   */
  list(): Bucketed<B>[] {
    const out = [...this.slots.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([key, value]) => ({ start: key * this.width, end: (key + 1) * this.width, value }));
    for (let i = 1; i < out.length; i++) {
      const prev = out[i - 1]!;
      if (out[i]!.start - prev.end <= this.intervalMs * 1.5) prev.end = out[i]!.start;
    }
    return out;
  }

  private coarsen(): void {
    const old = [...this.slots.entries()];
    this.slots.clear();
    this.width *= 2;
    this.lo = Infinity;
    this.hi = -Infinity;
    for (const [key, value] of old) {
      const next = Math.floor(key / 2);
      const there = this.slots.get(next);
      if (there) this.ops.merge(there, value);
      else this.slots.set(next, value);
      this.lo = Math.min(this.lo, next);
      this.hi = Math.max(this.hi, next);
    }
  }
}
