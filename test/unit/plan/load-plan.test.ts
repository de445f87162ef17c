import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPlanFile } from "../../../runners/plan/load.ts";

const file = (name: string) => fileURLToPath(new URL(`../../fixtures/plans/${name}`, import.meta.url));
const failure = (name: string) => {
  try {
    loadPlanFile(file(name));
  } catch (error) {
    return error as Error & { kind?: string };
  }
  throw new Error(`${name} loaded without error`);
};

describe("bad plans are rejected as input errors naming file, service and field", () => {
  it.each([
    ["bad-duration.json", /bad-duration\.json: service "db" \(services\[0\]\) objectives\.rto: expected a duration/],
    ["unknown-field.json", /service "db" \(services\[0\]\) objectives: unknown field "rtoo"/],
    ["wrong-type.json", /service "db" \(services\[0\]\) tier: .*number/i],
    ["missing-dependency.json", /service "api" dependsOn\[1\]\.service: V3: depends on "cache", which the plan does not declare/],
    ["dependency-cycle.json", /V3: dependency cycle (db → api → db|api → db → api)/],
    ["truncated-json.json", /truncated-json\.json: not valid JSON/],
  ])("%s", (name, pattern) => {
    const error = failure(name);
    expect(error.kind).toBe("input");
    expect(error.message).toContain(name);
    expect(error.message).toMatch(pattern);
  });

  it("a missing file is named", () => {
    const error = failure("no-such-plan.json");
    expect(error.kind).toBe("input");
    expect(error.message).toMatch(/cannot read .*no-such-plan\.json: ENOENT/);
  });

  it("accepts a clean plan and the all-outputs shape of `pulumi stack output --json`", () => {
    expect(loadPlanFile(file("clean.json")).plan.services.map((s) => s.name)).toEqual(["db", "api"]);
  });
});
