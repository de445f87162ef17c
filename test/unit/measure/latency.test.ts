import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LatencyAccumulator } from "../../../runners/measure/latency.ts";
import { nearestRank } from "../../../runners/measure/repeat.ts";

describe("latency accumulator (HDR, pure JS)", () => {
  it("percentiles are within 0.1 % (+1 µs) of the exact nearest-rank value", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 30_000, noNaN: true }), { minLength: 1, maxLength: 400 }), (values) => {
        const acc = new LatencyAccumulator();
        for (const v of values) acc.record(v);
        const sorted = [...values].sort((a, b) => a - b);
        const s = acc.summary()!;
        for (const [p, got] of [[50, s.p50], [90, s.p90], [99, s.p99]] as const) {
          const exact = Math.max(0.001, nearestRank(sorted, p));
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(exact * 0.001 + 0.001);
        }
        expect(s.max).toBe(sorted.at(-1));
        expect(s.count).toBe(values.length);
        acc.destroy();
      }),
    );
  });

  it("an empty accumulator has no summary rather than zeros", () => {
    const acc = new LatencyAccumulator();
    expect(acc.summary()).toBeUndefined();
    acc.destroy();
  });

  it("absorb moves counts and empties the source; summaryWith leaves both unchanged", () => {
    const a = new LatencyAccumulator();
    const b = new LatencyAccumulator();
    a.record(1);
    b.record(100);
    expect(a.summaryWith(b)).toMatchObject({ count: 2, max: 100 });
    expect(a.count + b.count).toBe(2);
    a.absorb(b);
    expect([a.count, b.count]).toEqual([2, 0]);
    expect(b.summary()).toBeUndefined();
  });

  it("memory stays bounded: a million samples do not grow the heap by more than a few MB", () => {
    const acc = new LatencyAccumulator();
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000_000; i++) acc.record((i % 5000) / 10 + 0.1);
    const grown = process.memoryUsage().heapUsed - before;
    expect(acc.count).toBe(1_000_000);
    expect(grown).toBeLessThan(20 * 1024 * 1024);
    acc.destroy();
  });
});
