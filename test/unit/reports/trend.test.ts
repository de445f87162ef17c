// Readiness trends that do not mislead: one series per service × hazard, tick
// labels that never repeat, and the objective's value in the panel label
// rather than written on its dashed line.
import { describe, expect, it } from "vitest";
import { trendSvg } from "../../../reports/svg/trend.ts";
import type { ReadinessDrill } from "../../../reports/readiness/types.ts";

const ref = (day: string, hazard: string, measuredRtoMs: number, hour = "09"): ReadinessDrill => ({
  file: `${day}.jsonl`, drillId: `${day}-${hazard}`, scenario: hazard, service: "orders-db", hazard, outcome: "passed",
  startedAt: `${day}T${hour}:00:00.000Z`, measuredRtoMs, dataLossMs: 0.4, missed: [], notMeasured: [], identity: "unknown",
});
const labels = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<text[^>]*class="${cls}"[^>]*>([^<]*)</text>`, "g"))].map((m) => m[1]);

describe("trend chart", () => {
  it("tiny values and a one-day span: no duplicate value or date labels", () => {
    const svg = trendSvg("orders-db · node-loss", [ref("2025-03-01", "node-loss", 0.6), ref("2025-03-01", "node-loss", 0.8, "15")], { rtoObjectiveMs: 1, rpoMs: 0 });
    const ticks = labels(svg, "tick");
    expect(ticks.length).toBeGreaterThan(2);
    const consecutive = ticks.filter((t, i) => i > 0 && t === ticks[i - 1]);
    expect(consecutive).toEqual([]);
    expect(ticks.filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t!))).toEqual(["2025-03-01", "2025-03-02"]);
  });

  it("the objective's value is in the panel label, not on the line", () => {
    const svg = trendSvg("orders-db · node-loss", [ref("2025-03-01", "node-loss", 3_100), ref("2025-03-20", "node-loss", 2_040)], { rtoObjectiveMs: 30_000 });
    expect(labels(svg, "plabel")).toContain("RTO · objective 30.00 s (dashed)");
    expect(svg).not.toContain("objective-label");
  });
});
