import { describe, expect, it } from "vitest";
import { gate, type GateReport } from "../../../runners/gate/index.ts";
import { gateJournal, type GateDrill } from "../../support/gate-journals.ts";
import { exitCodeOfOutcome, outcomeOfGate } from "../../../runners/cli/outcome.ts";

/** The exit code `drill gate` gives for this report (the mapping lives at the CLI). */
const exitCode = (r: GateReport) => exitCodeOfOutcome(outcomeOfGate(r.status));

const runs = (list: GateDrill[]) => list.map((d, i) => gateJournal(d, `r${i + 1}.jsonl`));
const repeat = (of: number, d: (i: number) => GateDrill) => runs(Array.from({ length: of }, (_, i) => ({ repeat: { index: i + 1, of }, ...d(i) })));
const rtoGate = (r: ReturnType<typeof gate>, i = 0) => r.groups[i]!.figures.find((f) => f.figure === "rto")!;

describe("gate: distributions against the objective", () => {
  it("three runs within the RTO objective pass: n, min, median, p95, max of the measured RTO", () => {
    const r = gate(repeat(3, (i) => ({ measuredRtoMs: [4_000, 6_000, 5_000][i] })), { statistic: "p95" });
    expect(r).toMatchObject({ status: "passed" });
    expect(rtoGate(r)).toMatchObject({ stats: { n: 3, min: 4_000, median: 5_000, p95: 6_000, max: 6_000 }, value: 6_000, objectiveMs: 30_000, status: "within" });
  });

  it("p95 forgives one slow run in twenty, max does not; the disagreement is called out as mixed", () => {
    const journals = repeat(20, (i) => ({ measuredRtoMs: i === 7 ? 40_000 : 5_000 }));
    const p95 = gate(journals, { statistic: "p95" });
    expect(exitCode(p95)).toBe(0);
    expect(rtoGate(p95)).toMatchObject({ value: 5_000, status: "within", verdicts: { met: 19, missed: 1 } });
    expect(rtoGate(p95).note).toMatch(/mixed: 19 run\(s\) met the objective, 1 missed it; the p95 is within it/);
    const max = gate(journals, { statistic: "max" });
    expect(max).toMatchObject({ status: "failed" });
    expect(rtoGate(max)).toMatchObject({ value: 40_000, status: "exceeded" });
    expect(max.groups[0]!.reasons.join("\n")).toMatch(/RTO: max 40\.00 s EXCEEDS the objective 30\.00 s over 20 run\(s\)/);
  });

  it("with fewer than 20 runs p95 is the max: one slow run of three fails either gate", () => {
    const journals = repeat(3, (i) => ({ measuredRtoMs: i === 1 ? 31_000 : 5_000 }));
    expect(exitCode(gate(journals, { statistic: "p95" }))).toBe(1);
    expect(exitCode(gate(journals, { statistic: "max" }))).toBe(1);
  });

  it("a run that never recovered counts as ∞: it fails max, and p95 unless it is one in twenty or more", () => {
    const three = repeat(3, (i) => ({ measuredRtoMs: i === 0 ? "not-recovered" : 5_000 }));
    const r = gate(three, { statistic: "p95" });
    expect(rtoGate(r)).toMatchObject({ unmeasured: 1, value: Infinity, status: "exceeded" });
    expect(rtoGate(r).note).toMatch(/1 run\(s\) not measured, counted as ∞/);
    const twenty = repeat(20, (i) => ({ measuredRtoMs: i === 0 ? "not-recovered" : 5_000 }));
    expect(exitCode(gate(twenty, { statistic: "p95" }))).toBe(0);
    expect(exitCode(gate(twenty, { statistic: "max" }))).toBe(1);
  });

  it("no disruption with the fault confirmed is an RTO of 0; without confirmation it was not measured", () => {
    expect(rtoGate(gate(runs([{ measuredRtoMs: "no-disruption" }]), { statistic: "max" }))).toMatchObject({ value: 0, status: "within" });
    const unconfirmed = gate(runs([{ measuredRtoMs: "no-disruption", faultConfirmed: false, outcome: "inconclusive" }]), { statistic: "max" });
    expect(rtoGate(unconfirmed)).toMatchObject({ value: Infinity, status: "exceeded" });
  });

  it("data loss: gated when the scenario writes a ledger, ∞ when it could not be read back, not gated without a ledger", () => {
    const loss = (d: GateDrill["dataLossMs"]) => gate(runs([{ dataLossMs: d }]), { statistic: "max" }).groups[0]!.figures.find((f) => f.figure === "data-loss")!;
    expect(loss(0)).toMatchObject({ status: "within", value: 0, objectiveMs: 0 });
    expect(loss(200)).toMatchObject({ status: "exceeded", value: 200 });
    expect(loss("no-readback")).toMatchObject({ status: "exceeded", unmeasured: 1 });
    expect(loss("no-ledger")).toMatchObject({ status: "not-gated", note: /no ledger/ });
  });

  it("writes acknowledged after the fault and then lost fail the gate whatever the statistic", () => {
    const r = gate(repeat(20, (i) => ({ dataLossMs: 0, lostAfterFault: i === 3 ? 2 : 0 })), { statistic: "p95" });
    expect(exitCode(r)).toBe(1);
    expect(r.groups[0]!.integrity).toHaveLength(1);
    expect(r.groups[0]!.reasons.join("\n")).toMatch(/never tolerated by a statistic/);
  });

  // The defect: a drill with no ledger read as "every objective met" in the gate.
  it("an RPO neither measured nor waived: the figure is NOT MEASURED, the scenario inconclusive, exit 1", () => {
    const r = gate([gateJournal({ rpoWaived: false }), gateJournal({ rpoWaived: false })], { statistic: "p95" });
    expect(r.groups[0]!.figures.find((f) => f.figure === "data-loss")).toMatchObject({ status: "not-measured", verdicts: { notMeasured: 2 } });
    expect(r.groups[0]!.status).toBe("inconclusive");
    expect(exitCode(r)).toBe(1);
  });

  it("no objective in the plan: reported, not gated", () => {
    const r = gate(runs([{ objectives: {} }]), { statistic: "p95" });
    expect(exitCode(r)).toBe(0);
    expect(rtoGate(r)).toMatchObject({ status: "not-gated", note: "no RTO objective in the plan" });
  });
});

describe("gate: runs it cannot judge", () => {
  it("an interrupted drill, or one killed before its summary, makes the gate 'could not judge' (exit 3)", () => {
    for (const broken of [{ outcome: "interrupted" as const }, { summary: false }, { outcome: "not-started" as const }]) {
      const r = gate(repeat(3, (i) => (i === 2 ? broken : {})), { statistic: "p95" });
      expect(r).toMatchObject({ status: "could-not-judge" });
      expect(r.groups[0]!.reasons[0]).toMatch(/1 of 3 drill\(s\) did not finish: r3\.jsonl \((interrupted|no summary|not-started)\)/);
    }
  });

  it("fewer runs than --repeat asked for is 'could not judge'; --expect overrides the journals' own count", () => {
    const two = repeat(3, () => ({})).slice(0, 2);
    const r = gate(two, { statistic: "max" });
    expect(exitCode(r)).toBe(3);
    expect(r.groups[0]!.reasons).toContain("missing runs: 2 of 3 expected finished");
    expect(exitCode(gate(two, { statistic: "max", expect: 2 }))).toBe(0);
    expect(exitCode(gate(runs([{}]), { statistic: "max", expect: 5 }))).toBe(3);
  });

  it("told to ignore incomplete runs, judges the finished ones and says so", () => {
    const r = gate(repeat(3, (i) => (i === 2 ? { outcome: "interrupted" } : { measuredRtoMs: 40_000 })), { statistic: "p95", ignoreIncomplete: true });
    expect(r).toMatchObject({ status: "failed" });
    expect(r.groups[0]!.reasons.slice(0, 2)).toEqual([
      "1 of 3 drill(s) did not finish: r3.jsonl (interrupted); ignored",
      "missing runs: 2 of 3 expected finished; judged on those",
    ]);
    const none = gate(runs([{ outcome: "error" }]), { statistic: "p95", ignoreIncomplete: true });
    expect(exitCode(none)).toBe(3);
  });

  it("judges each scenario and stack on its own; 'could not judge' outranks 'failed'", () => {
    const r = gate(runs([
      { scenario: "a", measuredRtoMs: 40_000 },
      { scenario: "b", outcome: "interrupted" },
      { scenario: "a", stack: "aws", measuredRtoMs: 1_000 },
    ]), { statistic: "max" });
    expect(r.groups.map((g) => [g.stack, g.scenario, g.status])).toEqual([["aws", "a", "passed"], ["local", "a", "failed"], ["local", "b", "could-not-judge"]]);
    expect(exitCode(r)).toBe(3);
  });

  it("an objective that changed between runs is judged against the latest, and said", () => {
    const r = gate(runs([{ objectives: { rto: 10_000 }, measuredRtoMs: 20_000 }, { objectives: { rto: 30_000 }, measuredRtoMs: 20_000 }]), { statistic: "max" });
    expect(exitCode(r)).toBe(0);
    expect(r.groups[0]!.reasons.join("\n")).toMatch(/RTO objective changed within these drills \(10\.00 s → 30\.00 s\); judged against the latest/);
  });

  it("refuses what is not a gate: no journals, an unknown statistic, a bad expected count", () => {
    expect(() => gate([], { statistic: "p95" })).toThrow(/no journals/);
    expect(() => gate(runs([{}]), { statistic: "p99" as "p95" })).toThrow(/expected one of p95, max/);
    expect(() => gate(runs([{}]), { statistic: "p95", expect: 0 })).toThrow(/whole number/);
  });
});
