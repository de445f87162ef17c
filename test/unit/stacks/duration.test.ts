import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDuration, isDuration, parseDuration } from "../../../core/duration.ts";

const units = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;

describe("durations", () => {
  it("parses each unit and compound forms", () => {
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("5m")).toBe(300_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("90d")).toBe(90 * 86_400_000);
    expect(parseDuration("0s")).toBe(0);
  });

  it.each(["5 minutes", "", "5", "1.5s", "-1s", "5M", "1s1h", "1m1m", "ms", " 5s", "5s ", "1e3ms"])("rejects %j", (text) => {
    expect(isDuration(text)).toBe(false);
    expect(() => parseDuration(text)).toThrow(/is not a duration/);
  });

  it("round-trips every whole number of milliseconds through its canonical form", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 * units.w }), (ms) => parseDuration(formatDuration(ms)) === ms));
  });

  it("reads any in-order combination of units as their sum", () => {
    const part = fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined });
    fc.assert(
      fc.property(fc.tuple(part, part, part, part, part, part), (amounts) => {
        const keys = Object.keys(units) as (keyof typeof units)[];
        const used = keys.map((k, i) => [k, amounts[i]] as const).filter(([, n]) => n !== undefined);
        fc.pre(used.length > 0);
        const text = used.map(([k, n]) => `${n}${k}`).join("");
        return parseDuration(text) === used.reduce((sum, [k, n]) => sum + n! * units[k], 0);
      }),
    );
  });

  it("never accepts text with characters outside the grammar", () => {
    fc.assert(fc.property(fc.string(), (text) => !/[^0-9wdhms]/.test(text) || !isDuration(text)));
  });
});
