import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerWrite, ReadBack } from "../../../runners/ledger/record.ts";
import { measureDataLoss } from "../../../runners/measure/data-loss.ts";

const readBack = (present: number[], corrupted: number[] = []): ReadBack => ({ t: 99_999, present, corrupted, source: "test" });

/** Writes every 10 ms; acknowledged 2 ms later unless `failed` says otherwise. */
function writes(n: number, failed: (seq: number) => boolean = () => false): LedgerWrite[] {
  return Array.from({ length: n }, (_, seq) => (failed(seq) ? { seq, t: seq * 10, error: "timeout" } : { seq, t: seq * 10, ackAt: seq * 10 + 2 }));
}

describe("data loss", () => {
  it("fixture lost-tail-before-failover: the last 3 acknowledged writes before t0 vanished", () => {
    const w = writes(20); // ackAt = 2, 12, …, 192
    const loss = measureDataLoss(w, readBack([0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]), 95);
    expect(loss.lostBeforeFault).toEqual([7, 8, 9]);
    expect(loss.dataLossWindowMs).toBe(95 - 72);
    expect(loss.lostAfterFault).toEqual([]);
  });

  it("fixture acknowledged-then-lost: a write acknowledged after t0 and missing is reported apart", () => {
    const loss = measureDataLoss(writes(10), readBack([0, 1, 2, 3, 4, 5, 6, 7, 8]), 50);
    expect(loss.lostAfterFault).toEqual([9]);
    expect(loss.lostBeforeFault).toEqual([]);
    expect(loss.dataLossWindowMs).toBe(0); // the window only counts writes acknowledged before t0
  });

  it("fixture acknowledged-exactly-at-t0: counts as after the fault (at or after t0)", () => {
    const loss = measureDataLoss(writes(3), readBack([0, 2]), 12); // seq 1 acknowledged at 12 = t0
    expect(loss.lostAfterFault).toEqual([1]);
    expect(loss.dataLossWindowMs).toBe(0);
  });

  it("fixture unacknowledged-but-landed: failed writes that are present are counted, not lost", () => {
    const w = writes(6, (seq) => seq >= 4);
    const loss = measureDataLoss(w, readBack([0, 1, 2, 3, 4], [2]), 1000);
    expect(loss).toMatchObject({ written: 6, acknowledged: 4, unacknowledged: 2, unacknowledgedPresent: 1, corrupted: 1 });
    expect(loss.lostBeforeFault).toEqual([]);
  });

  const scenario = fc.record({
    n: fc.integer({ min: 0, max: 80 }),
    missing: fc.uniqueArray(fc.integer({ min: 0, max: 79 })),
    failed: fc.uniqueArray(fc.integer({ min: 0, max: 79 })),
    t0: fc.integer({ min: 0, max: 900 }),
  });

  it("is 0 when nothing acknowledged is missing", () => {
    fc.assert(
      fc.property(scenario, ({ n, failed, t0 }) => {
        const w = writes(n, (s) => failed.includes(s));
        const loss = measureDataLoss(w, readBack(w.filter((x) => x.ackAt !== undefined).map((x) => x.seq)), t0);
        expect(loss.dataLossWindowMs).toBe(0);
        expect(loss.lostBeforeFault.length + loss.lostAfterFault.length).toBe(0);
      }),
    );
  });

  it("is monotone: losing one more write never shrinks the window; it is ≥ 0 and ≤ t0 − first ack", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 79 }), ({ n, missing, failed, t0 }, extra) => {
        const w = writes(n, (s) => failed.includes(s));
        const all = w.map((x) => x.seq);
        const present = all.filter((s) => !missing.includes(s));
        const base = measureDataLoss(w, readBack(present), t0);
        const worse = measureDataLoss(w, readBack(present.filter((s) => s !== extra)), t0);
        expect(worse.dataLossWindowMs).toBeGreaterThanOrEqual(base.dataLossWindowMs);
        expect(base.dataLossWindowMs).toBeGreaterThanOrEqual(0);
        const firstAck = Math.min(...w.flatMap((x) => (x.ackAt !== undefined ? [x.ackAt] : [])));
        if (base.lostBeforeFault.length) expect(base.dataLossWindowMs).toBeLessThanOrEqual(t0 - firstAck);
        // Only acknowledged writes can be lost.
        for (const seq of [...base.lostBeforeFault, ...base.lostAfterFault]) expect(failed.includes(seq)).toBe(false);
      }),
    );
  });
});
