// Commands return what they concluded; the CLI edge alone maps it to DESIGN's
// exit codes (0 met · 1 missed · 2 invalid input · 3 could not run).
import { describe, expect, it } from "vitest";
import { exitCodeOfOutcome, outcomeOfDrills, outcomeOfFindings, outcomeOfGate } from "../../../runners/cli/outcome.ts";
import type { OutcomeT } from "../../../journal/format.ts";

const drills = (...outcomes: OutcomeT[]) => outcomes.map((outcome) => ({ summary: { outcome } as never }));

describe("command outcomes", () => {
  it("map to DESIGN's exit codes; a command that returns nothing succeeded", () => {
    expect(["met", "not-met", "invalid-input", "could-not-run"].map(exitCodeOfOutcome)).toEqual([0, 1, 2, 3]);
    expect(exitCodeOfOutcome(undefined)).toBe(0);
    expect(exitCodeOfOutcome("something else")).toBe(0);
  });

  it("of drills: a drill that did not reach a verdict wins over a missed objective", () => {
    expect(outcomeOfDrills(drills("passed", "passed"))).toBe("met");
    expect(outcomeOfDrills(drills("passed", "inconclusive"))).toBe("not-met");
    expect(outcomeOfDrills(drills("failed", "error"))).toBe("could-not-run");
    expect(outcomeOfDrills(drills("interrupted"))).toBe("could-not-run");
    expect(outcomeOfDrills(drills("not-started", "failed"))).toBe("could-not-run");
  });

  it("of a gate and of findings", () => {
    expect(["passed", "failed", "inconclusive", "could-not-judge"].map((s) => exitCodeOfOutcome(outcomeOfGate(s as never)))).toEqual([0, 1, 1, 3]);
    expect([outcomeOfFindings(0), outcomeOfFindings(2)]).toEqual(["met", "not-met"]);
  });
});
