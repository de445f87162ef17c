// Secrets are masked in what is printed: every occurrence, nested and in keys.
import { describe, expect, it } from "vitest";
import { maskSecrets, secretValues, SECRET_MARK } from "../../../runners/plan/mask-secrets.ts";

describe("maskSecrets", () => {
  it("replaces every occurrence in nested strings and keys, longest secret first, and copies", () => {
    const plan = { a: ["x-hunter2-y", { "k-hunter2": "hunter22" }], n: 3, b: true };
    const masked = maskSecrets(plan, secretValues({ p: "hunter2", q: "hunter22", r: "" }, ["p", "q", "r"]));
    expect(masked).toEqual({ a: [`x-${SECRET_MARK}-y`, { [`k-${SECRET_MARK}`]: SECRET_MARK }], n: 3, b: true });
    expect(plan.a[0]).toBe("x-hunter2-y");
  });
});
