// A probe's samples, down-sampled for the timeline: per bucket how many samples,
// how many were healthy, errors, slow answers (above the probe's latency bound,
// which docs/design.md counts as disrupted), and the worst latency seen.
import type { SampleRecordT } from "../../journal/format.ts";
import { AdaptiveBuckets, type Bucketed } from "./buckets.ts";

export interface ProbeBucket {
  n: number;
  healthy: number;
  errors: number;
  slow: number;
  maxLatencyMs: number;
}

export interface ProbeSeries {
  probe: string;
  kind: string;
  target: string;
  latencyBoundMs: number;
  samples: number;
  bucketMs: number;
  buckets: Bucketed<ProbeBucket>[];
}

const ops = {
  empty: (): ProbeBucket => ({ n: 0, healthy: 0, errors: 0, slow: 0, maxLatencyMs: 0 }),
  merge(into: ProbeBucket, from: ProbeBucket): void {
    into.n += from.n;
    into.healthy += from.healthy;
    into.errors += from.errors;
    into.slow += from.slow;
    into.maxLatencyMs = Math.max(into.maxLatencyMs, from.maxLatencyMs);
  },
};

export interface ProbeMeta {
  name: string;
  kind: string;
  target: string;
  latencyBoundMs: number;
  intervalMs: number;
}

export class ProbeSeriesBuilder {
  private readonly buckets: AdaptiveBuckets<ProbeBucket>;
  private samples = 0;

  constructor(
    private readonly meta: ProbeMeta,
    maxBuckets?: number,
  ) {
    this.buckets = new AdaptiveBuckets(ops, meta.intervalMs, maxBuckets);
  }

  add(s: SampleRecordT): void {
    const b = this.buckets.at(s.t);
    const slow = s.ok && s.latencyMs > this.meta.latencyBoundMs;
    b.n += 1;
    this.samples += 1;
    if (!s.ok) b.errors += 1;
    else if (slow) b.slow += 1;
    else b.healthy += 1;
    if (Number.isFinite(s.latencyMs)) b.maxLatencyMs = Math.max(b.maxLatencyMs, s.latencyMs);
  }

  finish(): ProbeSeries {
    const { name, kind, target, latencyBoundMs } = this.meta;
    return { probe: name, kind, target, latencyBoundMs, samples: this.samples, bucketMs: this.buckets.widthMs, buckets: this.buckets.list() };
  }
}
