import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repeatStats } from "../../../runners/measure/repeat.ts";

describe("repeat statistics", () => {
  it("is undefined for no runs", () => {
    expect(repeatStats([])).toBeUndefined();
  });

  it("p95 by nearest rank: the max for N < 20, the 19th of 20, the 95th of 100", () => {
    expect(repeatStats([5])).toEqual({ n: 1, min: 5, median: 5, p95: 5, max: 5 });
    expect(repeatStats([3, 1, 2])).toEqual({ n: 3, min: 1, median: 2, p95: 3, max: 3 });
    expect(repeatStats([4, 1, 3, 2])?.median).toBe(2.5);
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(repeatStats(twenty)?.p95).toBe(19);
    expect(repeatStats(Array.from({ length: 19 }, (_, i) => i + 1))?.p95).toBe(19);
    expect(repeatStats(Array.from({ length: 100 }, (_, i) => i + 1))?.p95).toBe(95);
  });

  it("a run that never recovered (Infinity) reaches max, so a gate on max sees it", () => {
    expect(repeatStats([100, 200, Infinity])).toMatchObject({ max: Infinity, p95: Infinity, median: 200 });
  });

  it("min ≤ median ≤ max, min ≤ p95 ≤ max, and p95 is an observed value", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const s = repeatStats(values)!;
        expect(s.min).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.max);
        expect(s.p95).toBeGreaterThanOrEqual(s.min);
        expect(s.p95).toBeLessThanOrEqual(s.max);
        expect(values).toContain(s.p95);
      }),
    );
  });
});
