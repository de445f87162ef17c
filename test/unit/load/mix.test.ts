import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fill, prepare, WeightedMix } from "../../../runners/load/mix.ts";

describe("weighted mix", () => {
  it("gives every target exactly its share over each cycle of total weight (smooth round-robin)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 }), (weights) => {
        const mix = new WeightedMix(weights);
        const total = weights.reduce((a, b) => a + b, 0);
        const counts = weights.map(() => 0);
        for (let i = 0; i < total * 3; i++) counts[mix.next()]!++;
        expect(counts).toEqual(weights.map((w) => w * 3));
      }),
    );
  });

  it("interleaves instead of sending runs of one target", () => {
    const mix = new WeightedMix([1, 1]);
    expect(Array.from({ length: 6 }, () => mix.next())).toEqual([0, 1, 0, 1, 0, 1]);
  });
});

describe("request templates", () => {
  it("splits origin and path without encoding placeholders, and knows when to fill them", () => {
    expect(prepare({ url: "http://127.0.0.1:81/session/load-{{run}}?x=1", method: "GET", weight: 1 })).toEqual({
      origin: "http://127.0.0.1:81", path: "/session/load-{{run}}?x=1", method: "GET", templated: true,
    });
    expect(prepare({ url: "http://127.0.0.1:81", method: "POST", weight: 1, body: "{}" })).toMatchObject({ path: "/", templated: false, body: "{}" });
    expect(fill('{"ref":"load-{{run}}-{{seq}}","n":{{seq}}}', 42, "ab12")).toBe('{"ref":"load-ab12-42","n":42}');
  });
});
