import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdaptiveBuckets } from "../../../reports/model/buckets.ts";
import { ProbeSeriesBuilder } from "../../../reports/model/probe-series.ts";

const probe = (intervalMs: number, max = 200) =>
  new ProbeSeriesBuilder({ name: "p", kind: "tcp", target: "t", latencyBoundMs: 250, intervalMs }, max);

describe("down-sampling", () => {
  it("keeps every sample counted and never exceeds the bucket budget", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 3_600_000, noNaN: true }), { minLength: 1, maxLength: 2_000 }), fc.integer({ min: 8, max: 300 }), (times, max) => {
        const b = new AdaptiveBuckets({ empty: () => ({ n: 0 }), merge: (a: { n: number }, c: { n: number }) => void (a.n += c.n) }, 10, max);
        for (const t of times) b.at(t).n++;
        const list = b.list();
        expect(list.reduce((s, x) => s + x.value.n, 0)).toBe(times.length);
        expect(Math.round((list[list.length - 1]!.start - list[0]!.start) / b.widthMs) + 1).toBeLessThanOrEqual(max);
      }),
    );
  });

  it("a single failed sample in an hour at 100 Hz still marks its bucket", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 359_999 }), (badSeq) => {
        const p = probe(10);
        for (let seq = 0; seq < 360_000; seq += 1) {
          const ok = seq !== badSeq;
          p.add({ type: "sample", probe: "p", seq, t: seq * 10, ok, latencyMs: 2, ...(ok ? {} : { error: "ECONNRESET" }) });
        }
        const series = p.finish();
        const bad = series.buckets.filter((b) => b.value.errors > 0);
        expect(bad).toHaveLength(1);
        expect(bad[0]!.start).toBeLessThanOrEqual(badSeq * 10);
        expect(bad[0]!.end).toBeGreaterThan(badSeq * 10);
        expect(series.buckets.length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 3 },
    );
  });

  it("keeps the worst latency and counts slow answers (above the bound) apart from errors", () => {
    const p = probe(50);
    [3, 400, 5].forEach((latencyMs, seq) => p.add({ type: "sample", probe: "p", seq, t: seq * 50, ok: true, latencyMs }));
    p.add({ type: "sample", probe: "p", seq: 3, t: 150, ok: false, latencyMs: 1_000, error: "timeout" });
    const all = p.finish().buckets.map((b) => b.value);
    expect(Math.max(...all.map((b) => b.maxLatencyMs))).toBe(1_000);
    expect(all.reduce((s, b) => s + b.slow, 0)).toBe(1);
    expect(all.reduce((s, b) => s + b.errors, 0)).toBe(1);
    expect(all.reduce((s, b) => s + b.healthy, 0)).toBe(2);
  });

  it("bridges the spaces between samples but keeps real silences as gaps", () => {
    const p = probe(100);
    for (const t of [0, 100, 200, 300, 5_000, 5_100]) p.add({ type: "sample", probe: "p", seq: t, t, ok: true, latencyMs: 1 });
    const b = p.finish().buckets;
    const gaps = b.slice(1).filter((x, i) => x.start !== b[i]!.end);
    expect(gaps).toHaveLength(1);
  });
});
