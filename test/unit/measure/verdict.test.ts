import { describe, expect, it } from "vitest";
import { measureDataLoss } from "../../../runners/measure/data-loss.ts";
import { decideOutcome } from "../../../runners/measure/outcome.ts";
import { judge, type Verdict } from "../../../runners/measure/verdict.ts";

const recovered = (measuredRtoMs: number) => ({ kind: "recovered" as const, detectedAt: 0, timeToDetectMs: 0, recoveredAt: measuredRtoMs, measuredRtoMs, lastDisruptedAt: measuredRtoMs - 10 });

describe("verdicts", () => {
  it("RTO met and missed, with the margin and the resolution", () => {
    expect(judge({ rtoObjectiveMs: 30_000 }, { recovery: recovered(12_000), resolutionMs: 10 })).toEqual([
      { objective: "rto", target: 30_000, measured: 12_000, unit: "ms", status: "met", margin: 18_000, note: "recovered (resolution 10 ms)" },
    ]);
    expect(judge({ rtoObjectiveMs: 10_000 }, { recovery: recovered(12_000) })[0]).toMatchObject({ status: "missed", margin: -2_000 });
  });

  it("no disruption observed is met but reports no RTO (not an RTO of 0)", () => {
    const [v] = judge({ rtoObjectiveMs: 1000 }, { recovery: { kind: "no-disruption", lastSampleAt: 5 } });
    expect(v).toMatchObject({ status: "met", note: "no disruption observed" });
    expect(v?.measured).toBeUndefined();
  });

  it("never recovered: missed once disrupted beyond the target, not-measured if observation ended earlier", () => {
    const never = (observedMs: number) => ({ kind: "not-recovered" as const, detectedAt: 0, timeToDetectMs: 0, lastSampleAt: observedMs, observedMs });
    expect(judge({ rtoObjectiveMs: 1000 }, { recovery: never(5000) })[0]).toMatchObject({ status: "missed", measured: 5000 });
    expect(judge({ rtoObjectiveMs: 10_000 }, { recovery: never(5000) })[0]?.status).toBe("not-measured");
  });

  it("RPO without a ledger is not measured; with one, lost-after-fault and corruption are always judged", () => {
    expect(judge({ rpoMs: 0 }, {})).toEqual([
      { objective: "rpo", target: 0, unit: "ms", status: "not-measured", note: "no ledger ran: no data-loss evidence" },
    ]);
    const writes = [0, 1, 2, 3].map((seq) => ({ seq, t: seq * 10, ackAt: seq * 10 + 1 }));
    const loss = measureDataLoss(writes, { t: 100, present: [0, 2], corrupted: [], source: "x" }, 25);
    const verdicts = judge({ rpoMs: 5 }, { dataLoss: loss });
    expect(verdicts.map((v) => [v.objective, v.status])).toEqual([
      ["rpo", "missed"], // seq 1 acked at 11 lost: window 14 ms
      ["lost-after-fault", "missed"], // seq 3 acked at 31 ≥ t0
      ["corrupted", "met"],
    ]);
    expect(verdicts[0]).toMatchObject({ measured: 14, margin: -9 });
  });

  it("availability is judged against the minimum while disrupted", () => {
    expect(judge({ minAvailabilityPct: 50 }, { availabilityWhileDisruptedPct: 62.5 })[0]).toMatchObject({ status: "met", margin: 12.5 });
    expect(judge({ minAvailabilityPct: 99 }, { availabilityWhileDisruptedPct: 62.5 })[0]?.status).toBe("missed");
    expect(judge({ minAvailabilityPct: 99 }, {})[0]?.status).toBe("not-measured");
  });
});

describe("overall outcome", () => {
  const met: Verdict = { objective: "rto", target: 1, measured: 1, unit: "ms", status: "met" };
  const missed: Verdict = { ...met, status: "missed" };
  const unmeasured: Verdict = { objective: "rpo", target: 1, unit: "ms", status: "not-measured" };
  const base = { started: true, faultConfirmed: true, disruptionObserved: true };

  it("not-started wins over everything, failed over inconclusive", () => {
    expect(decideOutcome({ ...base, started: false, verdicts: [missed] }).outcome).toBe("not-started");
    expect(decideOutcome({ ...base, faultConfirmed: false, disruptionObserved: false, verdicts: [missed] }).outcome).toBe("failed");
  });

  it("unconfirmed fault and no disruption is inconclusive, even with every objective met", () => {
    expect(decideOutcome({ ...base, faultConfirmed: false, disruptionObserved: false, verdicts: [met] }).outcome).toBe("inconclusive");
    expect(decideOutcome({ ...base, faultConfirmed: false, verdicts: [met] }).outcome).toBe("passed");
    expect(decideOutcome({ ...base, disruptionObserved: false, verdicts: [met] }).outcome).toBe("passed");
  });

  it("an objective left without evidence, or none judged, is inconclusive", () => {
    expect(decideOutcome({ ...base, verdicts: [met, unmeasured] })).toMatchObject({ outcome: "inconclusive", reason: "not measured: rpo" });
    expect(decideOutcome({ ...base, verdicts: [] }).outcome).toBe("inconclusive");
  });
});

describe("nothing measured is nothing met", () => {
  const noDisruption = { kind: "no-disruption" as const, lastSampleAt: 5 };
  // The defect: a drill with no ledger said "every objective met" next to "RPO not measured".
  it("an RPO with no ledger is not measured, and the drill is inconclusive", () => {
    const verdicts = judge({ rtoObjectiveMs: 1000, rpoMs: 0 }, { recovery: noDisruption });
    expect(verdicts.map((v) => v.status)).toEqual(["met", "not-measured"]);
    expect(decideOutcome({ started: true, verdicts, faultConfirmed: true, disruptionObserved: false })).toMatchObject({ outcome: "inconclusive" });
  });

  it("a waived objective is shown as waived with its reason, and the drill may pass", () => {
    const verdicts = judge({ rtoObjectiveMs: 1000, rpoMs: 0 }, { recovery: noDisruption }, { rpo: "no ledger on a read-only dependency path" });
    expect(verdicts[1]).toMatchObject({ objective: "rpo", status: "waived", note: "no ledger on a read-only dependency path" });
    expect(decideOutcome({ started: true, verdicts, faultConfirmed: true, disruptionObserved: false })).toEqual({ outcome: "passed", reason: "every objective met or waived (waived: rpo)" });
  });

  it("a waiver never hides a measured miss", () => {
    const [v] = judge({ rtoObjectiveMs: 1000 }, { recovery: recovered(5000) }, { rto: "not this drill's question" });
    expect(v).toMatchObject({ status: "missed" });
  });

  it("only waived objectives: inconclusive, nothing was shown to be met", () => {
    const verdicts = judge({ rpoMs: 0 }, {}, { rpo: "no ledger" });
    expect(decideOutcome({ started: true, verdicts, faultConfirmed: true, disruptionObserved: false }).outcome).toBe("inconclusive");
  });
});

describe("heal disruption", () => {
  it("judged against the RTO when no objective of its own is declared, and missed when longer", () => {
    const heal = { healAt: 0, failedSamples: 120, recovered: true, durationMs: 2400 };
    const [, h] = judge({ rtoObjectiveMs: 2000 }, { recovery: recovered(1000), heal });
    expect(h).toMatchObject({ objective: "heal-disruption", target: 2000, measured: 2400, status: "missed", note: "120 failed samples after heal (judged against the RTO)" });
  });

  it("still disrupted when watching ended, for less than the objective: not measured", () => {
    const [, h] = judge({ rtoObjectiveMs: 10_000, healDisruptionMs: 5000 }, { recovery: recovered(1000), heal: { healAt: 0, failedSamples: 3, recovered: false, observedMs: 300 } });
    expect(h).toMatchObject({ target: 5000, status: "not-measured" });
  });
});

describe("resolution", () => {
  it("bounds wider than 10 % of the objective are said in the verdict, and an upper bound past the objective too", () => {
    const [v] = judge({ rtoObjectiveMs: 1000 }, { recovery: recovered(900), bounds: { minMs: 850, maxMs: 1100, widthMs: 250 } });
    expect(v).toMatchObject({ status: "met" });
    expect(v!.note).toBe("recovered (true value in [850, 1100] ms); resolution 250 ms is coarser than 10 % of the objective; the upper bound 1100 ms lies past the objective");
  });
});
