// Latency percentiles in bounded memory: an HDR histogram per phase, fed one
// sample at a time, so a long drill at 1,000 Hz costs the same memory as a short
// one. Uses hdr-histogram-js's pure-JS histograms (no WebAssembly, which would
// need explicit freeing and a compiled module); destroy() is still called so a
// switch to the WASM build would not leak.
//
// Values are recorded in integer microseconds with 3 significant digits: a
// percentile is exact to 0.1 % of its value. The exact max is kept separately.
import * as hdr from "hdr-histogram-js";

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export class LatencyAccumulator {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 10_000_000, // 10 s; grows on demand
    numberOfSignificantValueDigits: 3,
    autoResize: true,
    useWebAssembly: false,
  });
  private maxMs = 0;

  get count(): number {
    return this.histogram.totalCount;
  }

  record(latencyMs: number): void {
    if (!Number.isFinite(latencyMs) || latencyMs < 0) return;
    this.histogram.recordValue(Math.max(1, Math.round(latencyMs * 1000)));
    this.maxMs = Math.max(this.maxMs, latencyMs);
  }

  /** Moves everything recorded in `other` into this one and empties `other`. */
  absorb(other: LatencyAccumulator): void {
    if (other.count === 0) return;
    this.histogram.add(other.histogram);
    this.maxMs = Math.max(this.maxMs, other.maxMs);
    other.histogram.reset();
    other.maxMs = 0;
  }

  /** Undefined when nothing was recorded: there is no percentile of nothing. */
  summary(): LatencySummary | undefined {
    const count = this.count;
    if (count === 0) return undefined;
    const at = (p: number): number => Math.min(this.maxMs, this.histogram.getValueAtPercentile(p) / 1000);
    return { count, p50: at(50), p90: at(90), p99: at(99), max: this.maxMs };
  }

  /** The summary of this and `others` together, leaving all of them unchanged. */
  summaryWith(...others: LatencyAccumulator[]): LatencySummary | undefined {
    const combined = new LatencyAccumulator();
    for (const source of [this, ...others]) {
      if (source.count === 0) continue;
      combined.histogram.add(source.histogram);
      combined.maxMs = Math.max(combined.maxMs, source.maxMs);
    }
    const summary = combined.summary();
    combined.destroy();
    return summary;
  }

  destroy(): void {
    this.histogram.destroy();
  }
}

/** The latencies that mean something: answers (ok, or correct but slow). Errors and timeouts are counted, not timed. */
export function hasLatency(sample: { ok: boolean; error?: string }): boolean {
  return sample.ok || sample.error === "slow";
}
