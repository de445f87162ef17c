// The key accuracy test: an outage of known length, made by our TCP proxy in
// front of a plain HTTP server, must be measured by the HTTP probe within one
// probe interval (+5 ms) of the truth.
//
// Two allowances, both measured rather than guessed: the heal is known only to
// within the IPC round trip that confirmed it ([minMs, actualMs]); and if the
// probe's own event loop fell behind right at the heal, the first request after
// it left late by a recorded lag (Sample.intendedT), and the RTO is late by as
// much. The proxy switches at the end of its confirmation, so the upper bound
// (what the RTO is compared with) is tight. The lag must stay small, or the
// harness was too starved to measure and the test says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundTruthOutage, startGroundTruthTarget, type GroundTruthTarget } from "../../support/ground-truth.ts";

const RATE_HZ = 100;
const INTERVAL_MS = 1000 / RATE_HZ;
const MAX_HARNESS_LAG_MS = 50;

let target: GroundTruthTarget;
beforeAll(async () => {
  target = await startGroundTruthTarget();
  await groundTruthOutage({ rateHz: RATE_HZ, outageMs: 0, baselineMs: 500, stableForMs: 100 }, target); // warm up
});
afterAll(() => target?.close());

describe("ground truth: blackhole of exactly D ms through the proxy", () => {
  for (const outageMs of [250, 1000, 2500]) {
    it(`D = ${outageMs} ms at ${RATE_HZ} Hz is measured within one interval + 5 ms`, async () => {
      const run = await groundTruthOutage({ rateHz: RATE_HZ, outageMs, stableForMs: 500, timeoutMs: 1000 }, target);
      expect(run.recovery.kind).toBe("recovered");
      expect(run.recoveryLagMs, "the probe's event loop was too starved to measure").toBeLessThanOrEqual(MAX_HARNESS_LAG_MS);
      const rto = run.recovery.kind === "recovered" ? run.recovery.measuredRtoMs : NaN;
      expect(rto).toBeGreaterThanOrEqual(run.minMs - 5);
      expect(rto).toBeLessThanOrEqual(run.actualMs + INTERVAL_MS + 5 + run.recoveryLagMs);
      if (run.recovery.kind === "recovered") expect(run.recovery.timeToDetectMs).toBeLessThanOrEqual(INTERVAL_MS + 5 + run.maxLagMs);
      // Open loop: the outage shows as disrupted samples at full rate, not as missing ones.
      expect(run.samples.map((s) => s.seq)).toEqual(run.samples.map((_, i) => i));
      // Up to the moment "pass" was sent, less the same 5 ms allowed the RTO: a
      // connection opened just before that can reach the proxy's accept after
      // the switch (seen once in CI: sent 9.7 ms late by a busy loop, answered).
      const during = run.samples.filter((s) => s.t >= run.t0 && s.t < run.t0 + run.minMs - 5);
      expect(during.length).toBeGreaterThanOrEqual(Math.floor((run.minMs - 5) / INTERVAL_MS) - 2);
      expect(during.filter((s) => s.ok)).toEqual([]);
      // And it invents nothing: healthy before the fault and after the heal.
      expect(run.samples.filter((s) => s.t < run.t0 - 50 && !s.ok)).toEqual([]);
      const settled = run.t0 + run.actualMs + INTERVAL_MS + run.recoveryLagMs;
      expect(run.samples.filter((s) => s.t > settled && !s.ok)).toEqual([]);
    });
  }
});
