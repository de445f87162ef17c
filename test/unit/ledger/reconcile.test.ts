// Reconciling writes with a read-back against generated ground truth: exactly
// the dropped acknowledged writes are lost, never anything else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerWrite } from "../../../runners/ledger/record.ts";
import { reconcile } from "../../../runners/ledger/reconcile.ts";
import { classify } from "../../../runners/ledger/writer.ts";
import { payloadFor } from "../../../runners/ledger/payload.ts";

type Fate = "acked-kept" | "acked-dropped" | "failed-absent" | "failed-landed" | "acked-corrupted";
const fates: Fate[] = ["acked-kept", "acked-dropped", "failed-absent", "failed-landed", "acked-corrupted"];

describe("reconcile", () => {
  it("reports exactly the ground truth", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fates), { maxLength: 300 }), (plan) => {
        const runId = "run-x";
        const writes: LedgerWrite[] = [];
        const rows: [number, string][] = [];
        plan.forEach((fate, seq) => {
          const acked = fate.startsWith("acked");
          writes.push(acked ? { seq, t: seq, ackAt: seq + 1 } : { seq, t: seq, error: "timeout" });
          if (fate === "acked-kept" || fate === "failed-landed") rows.push([seq, payloadFor(runId, seq)]);
          if (fate === "acked-corrupted") rows.push([seq, payloadFor(runId, seq + 1)]);
        });
        const readBack = { t: 0, source: "test", ...classify(runId, rows.reverse()) };
        const result = reconcile(writes, readBack);
        const seqsOf = (fate: Fate) => plan.flatMap((f, seq) => (f === fate ? [seq] : []));
        expect(result.lost).toEqual(seqsOf("acked-dropped"));
        expect(result.unacknowledgedPresent).toEqual(seqsOf("failed-landed"));
        expect(result.corrupted).toEqual(seqsOf("acked-corrupted"));
        expect(result.acknowledged).toBe(plan.filter((f) => f.startsWith("acked")).length);
      }),
    );
  });

  it("ignores rows whose seq is not a seq", () => {
    expect(classify("r", [[Number.NaN, "x"], [-1, "y"], [3, payloadFor("r", 3)]])).toEqual({ present: [3], corrupted: [] });
  });
});
