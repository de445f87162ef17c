// Plan completeness: what a plan can hold (or leave out) and still mislead.
import { describe, expect, it } from "vitest";
import { validatePlan, CRITICAL_SERVICE_TYPE } from "../../../stacks/lib/index.ts";
import { checkCompleteness } from "../../../runners/verify/plan-completeness.ts";

const service = (name: string, extra: Record<string, unknown> = {}) => ({
  name, tier: 1, owner: "ops", objectives: { rto: "1m", rpo: "0s" },
  failoverTargets: [{ name: `${name}-standby`, kind: "replica", mechanism: "automatic", primary: "a", standbys: ["b"] }],
  hazards: [{ id: "node-loss", title: "node lost", likelihood: "possible", impact: "severe" }], ...extra,
});
const plan = (...services: unknown[]) => validatePlan({ version: 1, project: "p", stack: "s", target: "self-managed", services }, "test");
const rules = (findings: { rule: string; service?: string; field?: string }[]) => findings.map((f) => `${f.rule} ${f.service} ${f.field ?? ""}`.trim());

describe("plan completeness", () => {
  it("P1: a CriticalService in the program but not in declarePlan", () => {
    const graph = { resources: ["api", "forgotten"].map((name) => ({ urn: `urn:${name}`, type: CRITICAL_SERVICE_TYPE, name, dependencies: [], inputs: {}, custom: false })) };
    const findings = checkCompleteness(plan(service("api")), graph);
    expect(rules(findings)).toEqual(["P1 forgotten"]);
    expect(findings[0]!.message).toMatch(/not passed to declarePlan/);
  });

  it("V8: duplicate hazard ids and failover-target names", () => {
    const dup = service("db", {
      hazards: [service("x").hazards[0], { id: "node-loss", title: "again", likelihood: "rare", impact: "major" }],
      failoverTargets: [service("x").failoverTargets[0], { ...service("x").failoverTargets[0], kind: "instance" }],
    });
    expect(rules(checkCompleteness(plan(dup), undefined))).toEqual(["V8 db hazards", "V8 db failoverTargets"]);
  });

  it("V9: a hard dependency on a service that declares no RTO (soft ones are fine)", () => {
    const cache = service("cache", { tier: 3, objectives: { rpo: "1m" } });
    const api = service("api", { dependsOn: [{ service: "cache", kind: "hard" }] });
    const web = service("web", { dependsOn: [{ service: "cache", kind: "soft" }] });
    expect(rules(checkCompleteness(plan(cache, api, web), undefined))).toEqual(["V9 api dependsOn[0]"]);
  });
});
