import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measureRecovery, recoveredAt } from "../../../runners/measure/recovery.ts";
import { RecoveryTracker } from "../../../runners/measure/recovery-tracker.ts";
import type { Sample } from "../../../runners/probes/sample.ts";
import { faultTime, sampleStream, stableFor } from "./arbitraries.ts";
import { recoveryFixtures } from "./fixtures/index.ts";
import { oracleRecoveredAt } from "./oracle.ts";
import { grid, outages } from "./synthetic.ts";

function streamed(samples: readonly Sample[], t0: number, stableForMs: number) {
  const tracker = new RecoveryTracker(t0, stableForMs);
  for (const s of samples) tracker.push(s);
  return tracker.result();
}

describe("recovery fixtures", () => {
  for (const [name, f] of Object.entries(recoveryFixtures)) {
    it(`${name}: ${f.defect}`, () => {
      expect(measureRecovery(f.samples, f.t0, f.stableForMs)).toEqual(f.expected);
      expect(streamed(f.samples, f.t0, f.stableForMs)).toEqual(f.expected);
    });
  }
});

describe("recovery properties", () => {
  it("RTO is never negative (always > 0: recovery comes after a disruption at or after t0)", () => {
    fc.assert(
      fc.property(sampleStream(), faultTime, stableFor, (samples, t0, sf) => {
        const r = measureRecovery(samples, t0, sf);
        if (r.kind === "recovered") expect(r.measuredRtoMs).toBeGreaterThan(0);
        if (r.kind === "recovered" || r.kind === "not-recovered") expect(r.timeToDetectMs).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("recovered-at respects stableFor: a healthy, covered window, and the earliest one (oracle)", () => {
    fc.assert(
      fc.property(sampleStream(), faultTime, stableFor, (samples, t0, sf) => {
        const at = recoveredAt(samples, t0, sf);
        expect(at).toBe(oracleRecoveredAt(samples, t0, sf));
        if (at === undefined) return;
        expect(samples.filter((s) => s.t >= at && s.t <= at + sf).every((s) => s.ok)).toBe(true);
        expect(samples.some((s) => s.t >= at + sf)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("the streaming tracker agrees with the array version on every stream", () => {
    fc.assert(
      fc.property(sampleStream(), faultTime, stableFor, (samples, t0, sf) => {
        expect(streamed(samples, t0, sf)).toEqual(measureRecovery(samples, t0, sf));
      }),
      { numRuns: 500 },
    );
  });

  it("a gap of known length D at rate r is measured within one probe interval of D", () => {
    const rates = fc.constantFrom(10, 50, 100, 200, 1000);
    fc.assert(
      fc.property(rates, fc.integer({ min: 1, max: 5_000 }), fc.double({ min: 0, max: 1, noNaN: true }), stableFor, (rate, D, phase, sf) => {
        const interval = 1000 / rate;
        const t0 = 10_000;
        // The grid starts at an arbitrary phase relative to the fault.
        const samples = grid({ rateHz: rate, start: phase * interval, end: t0 + D + sf + 2_000, errorAt: outages([t0, t0 + D]) });
        const r = measureRecovery(samples, t0, sf);
        if (D < interval && !samples.some((s) => !s.ok)) {
          expect(r.kind).toBe("no-disruption"); // the outage fell between two samples
          return;
        }
        expect(r.kind).toBe("recovered");
        if (r.kind !== "recovered") return;
        expect(Math.abs(r.measuredRtoMs - D)).toBeLessThan(interval + 1e-6);
      }),
      { numRuns: 500 },
    );
  });

  it("the tracker rejects samples out of send order (a caller bug, not data)", () => {
    const tracker = new RecoveryTracker(0, 10);
    tracker.push({ seq: 0, t: 5, ok: true, latencyMs: 1 });
    expect(() => tracker.push({ seq: 1, t: 5, ok: true, latencyMs: 1 })).toThrow(/send order/);
  });

  it("once recovered, later disruptions do not move recovered-at (the first stable window wins)", () => {
    const samples = grid({ rateHz: 100, start: 0, end: 4000, errorAt: outages([100, 300], [1500, 3000]) });
    const r = measureRecovery(samples, 100, 500);
    expect(r).toMatchObject({ kind: "recovered", recoveredAt: 300, measuredRtoMs: 200 });
  });
});
