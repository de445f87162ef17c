import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measureProbe } from "../../../runners/measure/probe-measure.ts";
import { ProbeMeasureStream } from "../../../runners/measure/probe-measure-stream.ts";
import { faultTime, sampleStream, stableFor } from "./arbitraries.ts";
import { grid, outages } from "./synthetic.ts";

describe("per-probe measurement", () => {
  it("streaming and array versions agree on recovery, availability, latency and errors", () => {
    fc.assert(
      fc.property(sampleStream(), faultTime, stableFor, (samples, t0, sf) => {
        const options = { probe: "p", rateHz: 100, t0, stableForMs: sf };
        const stream = new ProbeMeasureStream(options);
        for (const s of samples) stream.push(s);
        expect(stream.result()).toEqual(measureProbe(samples, options));
        stream.destroy();
      }),
      { numRuns: 300 },
    );
  });

  it("splits latency into before / during / after around t0 and recovered-at", () => {
    const latencyMs = (t: number): number => (t < 1000 ? 2 : t < 2000 ? 50 : 5);
    const samples = grid({ rateHz: 100, start: 0, end: 4000, errorAt: outages([1000, 1500]), latencyMs });
    const m = measureProbe(samples, { probe: "web", rateHz: 100, t0: 1000, stableForMs: 500 });
    expect(m.recovery).toMatchObject({ kind: "recovered", recoveredAt: 1500, measuredRtoMs: 500 });
    expect(m.resolutionMs).toBe(10);
    expect(m.latency.before).toMatchObject({ count: 100, p50: 2, max: 2 });
    // During: the timeouts are counted, not timed; nothing answered in [1000, 1500).
    expect(m.latency.during).toBeUndefined();
    expect(m.latency.after?.count).toBe(250);
    expect(m.latency.after?.p99).toBeCloseTo(50, 1);
    expect(m.errors).toEqual({ timeout: 50 });
  });

  it("availability while disrupted covers [t0, recovered-at): 50 of 100 healthy", () => {
    // Alternating up/down for 1 s, then steady.
    const errorAt = (t: number) => (t >= 1000 && t < 2000 && Math.round(t / 10) % 2 === 0 ? "reset" : undefined) as "reset" | undefined;
    const samples = grid({ rateHz: 100, start: 0, end: 4000, errorAt });
    const m = measureProbe(samples, { probe: "db", rateHz: 100, t0: 1000, stableForMs: 200 });
    expect(m.recovery).toMatchObject({ kind: "recovered", recoveredAt: 1990 });
    expect(m.availabilityWhileDisrupted.total).toBe(99);
    expect(m.availabilityWhileDisrupted.percent).toBeCloseTo((49 / 99) * 100, 6);
  });

  it("without recovery, availability runs to the end of observation", () => {
    const samples = grid({ rateHz: 10, start: 0, end: 2000, errorAt: outages([1000, 1500]) });
    const m = measureProbe(samples, { probe: "x", rateHz: 10, t0: 1000, stableForMs: 1000 });
    expect(m.recovery.kind).toBe("not-recovered");
    expect(m.availabilityWhileDisrupted).toEqual({ ok: 5, total: 10, percent: 50 });
  });
});
