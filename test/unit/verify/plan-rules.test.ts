import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validatePlan, type PlanT } from "../../../stacks/lib/index.ts";
import { checkCoverage, checkScenarioNames } from "../../../runners/verify/coverage-rule.ts";
import { verify } from "../../../runners/verify/index.ts";

const fixture = (name: string): PlanT => {
  const file = new URL(`../../fixtures/plans/${name}`, import.meta.url);
  return validatePlan(JSON.parse(readFileSync(file, "utf8")), name);
};
const fullCoverage = [{ service: "db", hazard: "node-loss", scenario: "db-node-loss" }];
const rulesOf = (name: string) => verify({ plan: fixture(name), coverage: fullCoverage }).map((f) => `${f.rule} ${f.service}.${f.field}`);

describe("verify rules on fixtures named after their defect", () => {
  it("finds nothing in a clean plan", () => {
    expect(verify({ plan: fixture("clean.json"), coverage: fullCoverage })).toEqual([]);
  });

  it("V1: a tier 1 service without RTO or failover target", () => {
    expect(rulesOf("tier1-without-rto-or-failover.json")).toEqual(["V1 db.objectives.rto", "V1 db.failoverTargets"]);
  });

  it("V2: RTO longer than MTPD", () => {
    const findings = verify({ plan: fixture("rto-exceeds-mtpd.json"), coverage: fullCoverage });
    expect(findings).toEqual([expect.objectContaining({ rule: "V2", severity: "error", service: "api", field: "objectives.rto" })]);
    expect(findings[0]!.message).toContain("5h");
  });

  it("V4: faster than a hard dependency, unless a degraded mode is declared", () => {
    expect(rulesOf("faster-than-hard-dependency.json")).toEqual(["V4 api.dependsOn[0]"]);
    expect(rulesOf("faster-than-dependency-with-degraded-mode.json")).toEqual([]);
  });

  it("V6: manual failover whose runbook names no role", () => {
    expect(rulesOf("manual-failover-without-roles.json")).toEqual(["V6 db.runbook", "V6 db.runbook[0].role"]);
  });

  it("V7: RPO 0 over asynchronous replication", () => {
    expect(rulesOf("async-replica-promises-rpo-zero.json")).toEqual(["V7 db.objectives.rpo"]);
  });

  it("V5: a hazard of a tier 1-2 service without a scenario is untested", () => {
    const plan = fixture("clean.json");
    expect(checkCoverage(plan, []).map((f) => `${f.rule} ${f.service} ${f.field}`)).toEqual(["V5 db hazards[0]"]);
    expect(checkCoverage(plan, fullCoverage)).toEqual([]);
  });

  it("V5: a scenario naming an undeclared service or hazard", () => {
    const plan = fixture("clean.json");
    const found = checkScenarioNames(plan, [
      { service: "cache", hazard: "node-loss", scenario: "x" },
      { service: "db", hazard: "meteor", scenario: "y" },
    ]);
    expect(found.map((f) => f.message)).toEqual([
      expect.stringContaining('service "cache"'),
      expect.stringContaining('hazard "meteor"'),
    ]);
  });
});
