import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regressionLines, regressions, regressionText } from "../../../reports/regression/index.ts";
import { gateJournal, type GateDrill } from "../../support/gate-journals.ts";

const at = (minute: number) => new Date(Date.parse("2025-03-01T00:00:00Z") + minute * 60_000).toISOString();
const history = (values: (number | GateDrill)[], extra: GateDrill = {}) =>
  values.map((v, i) => gateJournal({ startedAt: at(i), ...(typeof v === "number" ? { measuredRtoMs: v } : v), ...extra }, `h${i}.jsonl`));
const now = (d: GateDrill) => gateJournal({ startedAt: at(1_000), drillId: "current", ...d }, "current.jsonl");

describe("regressions", () => {
  it("flags an RTO worse than 1.5× the median of the last 10 drills, even within the objective", () => {
    const [r, ...rest] = regressions(history(Array(10).fill(5_000)), [now({ measuredRtoMs: 9_000 })]);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ figure: "rto", scenario: "orders-db-node-loss", measuredMs: 9_000, baselineMs: 5_000, ratio: 1.8, historyN: 10, objectiveMs: 30_000, withinObjective: true, drillId: "current" });
    expect(regressionText(r!)).toBe("RTO 9.00 s is 1.8× the median of the last 10 drills (5.00 s); still within the objective 30.00 s");
  });

  it("does not flag within the factor, below the resolution, or without enough history", () => {
    expect(regressions(history(Array(10).fill(5_000)), [now({ measuredRtoMs: 7_000 })])).toEqual([]);
    expect(regressions(history(Array(10).fill(5_000)), [now({ measuredRtoMs: 9_000 })], { factor: 2 })).toEqual([]);
    expect(regressions(history(Array(10).fill(20)), [now({ measuredRtoMs: 45 })])).toEqual([]); // resolution 50 ms
    expect(regressions(history([5_000, 5_000]), [now({ measuredRtoMs: 20_000 })])).toEqual([]);
    expect(regressions(history([5_000, 5_000]), [now({ measuredRtoMs: 20_000 })], { minHistory: 2 })).toHaveLength(1);
  });

  it("the baseline is the last `window` earlier drills: an old slow period does not excuse a new slowdown", () => {
    const h = history([...Array(10).fill(20_000), ...Array(5).fill(5_000)]);
    expect(regressions(h, [now({ measuredRtoMs: 9_000 })], { window: 5 })).toMatchObject([{ baselineMs: 5_000, historyN: 5 }]);
    expect(regressions(h, [now({ measuredRtoMs: 9_000 })], { window: 15 })).toEqual([]);
  });

  it("data loss appearing where the history lost nothing is flagged, at the ledger's resolution", () => {
    const h = history(Array(5).fill({ dataLossMs: 0 }));
    const [r] = regressions(h, [now({ dataLossMs: 200 })]);
    expect(r).toMatchObject({ figure: "data-loss", baselineMs: 0, ratio: Infinity, objectiveMs: 0, withinObjective: false });
    expect(regressionText(r!)).toBe("data-loss window 200 ms where the last 5 drills measured 0; beyond the objective 0 ms");
    expect(regressions(h, [now({ dataLossMs: 40 })])).toEqual([]); // one write interval at 20 Hz is 50 ms
  });

  it("compares only like with like, and only finished, measured, earlier drills", () => {
    const h = [
      ...history(Array(5).fill(5_000), { scenario: "other" }),
      ...history(Array(5).fill(5_000), { stack: "aws" }),
      ...history(Array(5).fill({ measuredRtoMs: 1_000, outcome: "interrupted" })),
      ...history(Array(5).fill({ summary: false })),
    ];
    expect(regressions(h, [now({ measuredRtoMs: 9_000 })])).toEqual([]);
    const later = gateJournal({ startedAt: at(2_000), measuredRtoMs: 1_000 });
    expect(regressions([...history([5_000, 5_000, 5_000]), later, later, later], [now({ measuredRtoMs: 9_000 })])).toHaveLength(1);
    expect(regressions(history(Array(5).fill(5_000)), [now({ measuredRtoMs: "not-recovered" })])).toEqual([]);
    const self = now({ measuredRtoMs: 9_000 });
    expect(regressions([...history([9_000, 9_000]), self], [self])).toEqual([]); // not compared with itself
  });

  it("does not depend on the order of the history", () => {
    const drill = fc.tuple(fc.integer({ min: 0, max: 60_000 }), fc.nat());
    fc.assert(
      fc.property(fc.array(drill, { maxLength: 25 }), fc.integer({ min: 0, max: 90_000 }), (drills, current) => {
        const h = history(drills.map(([v]) => v));
        const shuffled = h.map((j, i) => [drills[i]![1], j] as const).sort((a, b) => a[0] - b[0]).map(([, j]) => j);
        expect(regressions(shuffled, [now({ measuredRtoMs: current })])).toEqual(regressions(h, [now({ measuredRtoMs: current })]));
      }),
      { numRuns: 50 },
    );
  });

  it("renders Markdown list lines with names escaped", () => {
    const h = history(Array(3).fill(1_000), { scenario: "web_node|loss" });
    const lines = regressionLines(regressions(h, [now({ measuredRtoMs: 4_000, scenario: "web_node|loss" })]));
    expect(lines).toEqual(["- **local/web\\_node\\|loss**: RTO 4.00 s is 4.0× the median of the last 3 drills (1.00 s); still within the objective 30.00 s (drill `current`)"]);
    expect(regressionLines([])).toEqual([]);
  });
});
