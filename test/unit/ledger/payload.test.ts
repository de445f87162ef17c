// Payload integrity and the compact seq set: pure logic, property-tested.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newRunId, payloadFor, payloadMatches } from "../../../runners/ledger/payload.ts";
import { SeqSet } from "../../../runners/ledger/seq-set.ts";

describe("payload", () => {
  it("is derived from runId and seq and checks only itself", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (a, b) => {
        const runId = "20251122t234900z-3fa9c1d2";
        expect(payloadMatches(runId, a, payloadFor(runId, a))).toBe(true);
        if (a !== b) expect(payloadMatches(runId, a, payloadFor(runId, b))).toBe(false);
        expect(payloadMatches("other-run", a, payloadFor(runId, a))).toBe(false);
      }),
    );
  });

  it("detects a changed character anywhere", () => {
    const good = payloadFor("run-1", 42);
    fc.assert(
      fc.property(fc.nat(good.length - 1), (i) => {
        const bad = good.slice(0, i) + (good[i] === "x" ? "y" : "x") + good.slice(i + 1);
        expect(payloadMatches("run-1", 42, bad)).toBe(false);
      }),
    );
    expect(payloadMatches("run-1", 42, null)).toBe(false);
  });

  it("run ids are unique, sortable by time and safe in keys and URLs", () => {
    const ids = Array.from({ length: 200 }, () => newRunId(new Date("2025-11-22T23:49:00.123Z")));
    expect(new Set(ids).size).toBe(200);
    expect(ids[0]).toMatch(/^20251122t234900z-[0-9a-f]{8}$/);
    expect(newRunId(new Date("2025-11-23T00:00:00Z")) > ids[0]!).toBe(true);
  });
});

describe("SeqSet", () => {
  it("behaves as a Set of non-negative integers", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { maxLength: 500 }), (seqs) => {
        const set = new SeqSet();
        for (const seq of seqs) set.add(seq);
        const reference = new Set(seqs);
        expect(set.size).toBe(reference.size);
        expect([...set.values()]).toEqual([...reference].sort((a, b) => a - b));
        for (const probe of [0, 1, 99_999, 100_001, ...seqs]) expect(set.has(probe)).toBe(reference.has(probe));
      }),
    );
  });

  it("rejects what cannot be a seq", () => {
    expect(() => new SeqSet().add(-1)).toThrow(RangeError);
    expect(() => new SeqSet().add(1.5)).toThrow(RangeError);
  });
});
