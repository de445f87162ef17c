// Synthetic sample streams for measurement tests: a probe at a fixed rate whose
// health is a function of send time.
import type { ErrorClass, Sample } from "../../../runners/probes/sample.ts";

export interface GridOptions {
  rateHz: number;
  /** First send time (ms). */
  start: number;
  /** Sends strictly before this (ms). */
  end: number;
  /** An error class for a disrupted send time, undefined for a healthy one. */
  errorAt?: (t: number) => ErrorClass | undefined;
  latencyMs?: (t: number) => number;
}

export function grid({ rateHz, start, end, errorAt = () => undefined, latencyMs = () => 2 }: GridOptions): Sample[] {
  const interval = 1000 / rateHz;
  const out: Sample[] = [];
  for (let seq = 0; start + seq * interval < end; seq++) {
    const t = start + seq * interval;
    const error = errorAt(t);
    out.push(error ? { seq, t, ok: false, latencyMs: error === "timeout" ? 1000 : latencyMs(t), error } : { seq, t, ok: true, latencyMs: latencyMs(t) });
  }
  return out;
}

/** Disrupted ("timeout") inside any of the half-open ranges [from, to). */
export function outages(...ranges: [number, number][]): (t: number) => ErrorClass | undefined {
  return (t) => (ranges.some(([from, to]) => t >= from && t < to) ? "timeout" : undefined);
}

/** Samples from explicit (t, ok) pairs, for hand-written fixtures. */
export function samplesOf(points: [number, boolean][]): Sample[] {
  return points.map(([t, ok], seq) => (ok ? { seq, t, ok, latencyMs: 1 } : { seq, t, ok, latencyMs: 1, error: "reset" }));
}
