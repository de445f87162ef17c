// fast-check generators for sample streams: strictly increasing send times
// (as a probe produces), random health, random latencies.
import fc from "fast-check";
import type { Sample } from "../../../runners/probes/sample.ts";

/** Streams of up to `max` samples with gaps of 1–50 ms and health flipping in runs. */
export function sampleStream(max = 200): fc.Arbitrary<Sample[]> {
  const step = fc.record({
    gap: fc.integer({ min: 1, max: 50 }),
    ok: fc.boolean(),
    slow: fc.boolean(),
    latencyMs: fc.double({ min: 0.05, max: 2_000, noNaN: true }),
  });
  return fc.array(step, { maxLength: max }).map((steps) => {
    let t = 0;
    return steps.map(({ gap, ok, slow, latencyMs }, seq): Sample => {
      t += gap;
      if (ok) return { seq, t, ok, latencyMs };
      return { seq, t, ok, latencyMs, error: slow ? "slow" : "timeout" };
    });
  });
}

/** A fault time inside (or around) a stream of the kind above. */
export const faultTime = fc.integer({ min: -100, max: 6_000 });
export const stableFor = fc.integer({ min: 0, max: 600 });
