// Readiness counts evidence only for the plan it exercised (issue 15): each test
// is named after the defect it guards against. Journals are built in memory
// (test/support/gate-journals.ts), each stamped with the identity a run writes.
import { describe, expect, it } from "vitest";
import { readiness } from "../../../reports/readiness/readiness.ts";
import { renderReadinessMarkdown } from "../../../reports/readiness/markdown.ts";
import type { PlanT } from "../../../stacks/lib/schema.ts";
import { gateJournal, type GateDrill } from "../../support/gate-journals.ts";
import { LOCAL_PLAN } from "./plan.ts";

const NOW = new Date("2025-03-20T00:00:00Z");
const standby = { name: "orders-db-standby", kind: "standby", mechanism: "automatic", replication: "synchronous", primary: "pg-a", standbys: ["pg-b"], endpoints: { "pg-b": "127.0.0.1:15432" } } as const;
const PLAN: PlanT = { ...LOCAL_PLAN, services: LOCAL_PLAN.services.map((s) => (s.name === "orders-db" ? { ...s, failoverTargets: [{ ...standby, standbys: [...standby.standbys], endpoints: { ...standby.endpoints } }] } : s)) };
const entry = (plan: PlanT, name: string) => plan.services.find((s) => s.name === name)! as unknown as Record<string, unknown>;
const ordersDb = (d: GateDrill = {}) => gateJournal({ service: "orders-db", hazard: "node-loss", startedAt: "2025-03-18T10:00:00.000Z", serviceEntry: entry(PLAN, "orders-db"), ...d }, `${d.drillId ?? "a"}.jsonl`);
const cell = (r: ReturnType<typeof readiness>, service: string, hazard: string) => r.services.find((s) => s.name === service)!.cells.find((c) => c.hazard === hazard)!;

describe("readiness: evidence bound to the plan it exercised", () => {
  it("fresh when the service is unchanged since its drill", () => {
    expect(cell(readiness(PLAN, [ordersDb()], NOW), "orders-db", "node-loss").freshness).toBe("fresh");
  });

  it("cross-stack: the AWS plan's services are never exercised when only local evidence exists; the local journals are listed as another plan's", () => {
    const aws: PlanT = { ...PLAN, stack: "aws", target: "aws" };
    const r = readiness(aws, [ordersDb({ drillId: "l1" }), ordersDb({ drillId: "l2", hazard: "network-partition" })], NOW);
    expect(r.services.flatMap((s) => s.cells).every((c) => c.freshness === "never")).toBe(true);
    expect(r.drills).toBe(0);
    expect(r.ignored).toMatchObject([{ kind: "other-plan", reason: expect.stringMatching(/evidence of continuity-drill\/local, not of this plan \(continuity-drill\/aws\)/) }, { kind: "other-plan" }]);
    expect(r.gaps.filter((g) => g.rule === "R9")).toHaveLength(2);
  });

  it("two projects sharing a stack name: the other project's drill does not make this one's service fresh", () => {
    const r = readiness(PLAN, [ordersDb({ project: "someone-else" })], NOW);
    expect(cell(r, "orders-db", "node-loss").freshness).toBe("never");
  });

  it("future-dated journal: a drill stamped ahead is excluded with a finding, so the real latest miss shows", () => {
    const miss = ordersDb({ drillId: "miss", objectives: { rto: 30_000 }, measuredRtoMs: 45_000, startedAt: "2025-03-19T10:00:00.000Z" });
    const ahead = ordersDb({ drillId: "ahead", measuredRtoMs: 1_000, startedAt: "2025-03-21T10:00:00.000Z" });
    const r = readiness(PLAN, [miss, ahead], NOW);
    expect(cell(r, "orders-db", "node-loss").lastExercise?.drillId).toBe("miss");
    expect(r.gaps.find((g) => g.rule === "R3")?.message).toMatch(/missed RTO 45\.00 s > 30\.00 s/);
    expect(r.gaps.find((g) => g.rule === "R9")).toMatchObject({ severity: "warning", message: expect.stringMatching(/stamped 2025-03-21T10:00:00\.000Z, more than 5 min after now/) });
  });

  it("changed plan: RTO 30 s → 1 s and asynchronous replication make the drill's evidence stale (R8), saying what changed", () => {
    const changed: PlanT = {
      ...PLAN,
      services: PLAN.services.map((s) => (s.name === "orders-db" ? { ...s, objectives: { ...s.objectives, rto: "1s" }, failoverTargets: s.failoverTargets.map((t) => ({ ...t, replication: "asynchronous" as const })) } : s)),
    };
    const r = readiness(changed, [ordersDb()], NOW);
    const c = cell(r, "orders-db", "node-loss");
    expect(c.freshness).toBe("stale");
    expect(c.changed?.map((x) => x.part)).toEqual(["objectives", "failoverTargets"]);
    const r8 = r.gaps.find((g) => g.rule === "R8")!;
    expect(r8).toMatchObject({ severity: "error", service: "orders-db", hazard: "node-loss" });
    expect(r8.message).toMatch(/objectives \(rto 30s → 1s\), failover targets \(orders-db-standby\.replication synchronous → asynchronous\)/);
    expect(renderReadinessMarkdown(r, "t")).toContain("stale (plan changed)");
    expect(cell(r, "sessions-cache", "node-loss").changed).toBeUndefined();
  });

  it("changed plan: a failover target's addresses alone (mock vs deployed endpoints) are no change", () => {
    const moved: PlanT = { ...PLAN, services: PLAN.services.map((s) => (s.name === "orders-db" ? { ...s, failoverTargets: s.failoverTargets.map((t) => ({ ...t, endpoints: { "pg-b": "db.internal:5432" } })) } : s)) };
    expect(cell(readiness(moved, [ordersDb()], NOW), "orders-db", "node-loss").freshness).toBe("fresh");
  });

  it("old evidence stays evidence: a version 1 journal (identity unknown) still counts, and is never called changed", () => {
    const r = readiness(PLAN, [ordersDb({ version: 1 })], NOW);
    expect(cell(r, "orders-db", "node-loss")).toMatchObject({ freshness: "fresh", lastExercise: { identity: "unknown" } });
  });

  it("duplicate tree: a drill counted once however often it appears", () => {
    const one = ordersDb({ drillId: "same" });
    const r = readiness(PLAN, [one, { ...one, file: "copy/same.jsonl" }, { ...one, file: "copy2/same.jsonl" }], NOW);
    expect(r.drills).toBe(1);
    expect(r.trend["orders-db"]).toHaveLength(1);
    expect(r.ignored.map((i) => i.kind)).toEqual(["duplicate", "duplicate"]);
  });
});

describe("readiness: what is not a change", () => {
  it("a hazard added to the service makes the new one never exercised (R1), not the old one's evidence stale", () => {
    const more: PlanT = { ...PLAN, services: PLAN.services.map((s) => (s.name === "orders-db" ? { ...s, hazards: [...s.hazards, { id: "zone-loss", title: "zone", likelihood: "rare", impact: "severe" }] } : s)) };
    const r = readiness(more, [ordersDb()], NOW);
    expect(cell(r, "orders-db", "node-loss").freshness).toBe("fresh");
    expect(cell(r, "orders-db", "zone-loss").freshness).toBe("never");
  });

  it("a dependency made hard → soft is a change, named", () => {
    const before: PlanT = { ...PLAN, services: PLAN.services.map((s) => (s.name === "orders-db" ? { ...s, dependsOn: [{ service: "network", kind: "hard" }] } : s)) };
    const after: PlanT = { ...PLAN, services: PLAN.services.map((s) => (s.name === "orders-db" ? { ...s, dependsOn: [{ service: "network", kind: "soft" }] } : s)) };
    const r = readiness(after, [ordersDb({ serviceEntry: entry(before, "orders-db") })], NOW);
    expect(r.gaps.find((g) => g.rule === "R8")?.message).toMatch(/dependencies \(network\.kind hard → soft\)/);
  });
});
