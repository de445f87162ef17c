// stacks/local evaluated under Pulumi mocks: assertions on the resources it
// declares (their recorded inputs and dependencies) and on the plan it exports.
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateProgram, type Evaluation } from "../../../runners/plan/mock-evaluate.ts";
import { findProgram } from "../../../runners/plan/pulumi-project.ts";
import { REPO_ROOT } from "../../../runners/plan/load.ts";
import { validatePlan, parseDuration, type PlanT } from "../../../stacks/lib/index.ts";

let evaluation: Evaluation;
let plan: PlanT;
const byType = (type: string) => evaluation.graph.resources.filter((r) => r.type === type);

beforeAll(async () => {
  evaluation = await evaluateProgram(findProgram(REPO_ROOT, "local"));
  plan = validatePlan(evaluation.outputs.continuityPlan, "continuityPlan");
});

describe("stacks/local under mocks", () => {
  it("declares pg_auto_failover with two data nodes on loopback and tuned monitor timers", () => {
    const [pg] = byType("continuity-drill:local:PostgresHa");
    expect(pg?.inputs).toMatchObject({ host: "127.0.0.1", database: "orders", monitorPort: 15430 });
    expect((pg?.inputs.nodes as unknown[]).length).toBe(2);
    const timers = pg?.inputs.timers as { nodeConsideredUnhealthyTimeoutMs: number; primaryDemoteTimeoutMs: number };
    // The monitor must decide well inside orders-db's 30 s RTO.
    expect(timers.nodeConsideredUnhealthyTimeoutMs + timers.primaryDemoteTimeoutMs).toBeLessThan(parseDuration("30s") / 2);
  });

  it("declares Redis with three sentinels, quorum 2, and a down-after that fits the 10 s RTO", () => {
    const [redis] = byType("continuity-drill:local:RedisSentinel");
    expect(redis?.inputs).toMatchObject({ quorum: 2, masterName: "sessions" });
    expect((redis?.inputs.sentinels as unknown[]).length).toBe(3);
    expect(redis?.inputs.downAfterMs as number).toBeLessThanOrEqual(parseDuration("10s") / 4);
  });

  it("declares two web instances behind HAProxy, avoiding the standard ports", () => {
    const [web] = byType("continuity-drill:local:HaproxyWeb");
    const ports = [web?.inputs.frontendPort, ...(web?.inputs.instances as { port: number }[]).map((i) => i.port)];
    expect(ports).toHaveLength(3);
    expect(ports).not.toContain(80);
    const all = JSON.stringify(evaluation.graph.resources.map((r) => r.inputs));
    expect(all).not.toMatch(/"port":(5432|6379|80)\b/);
  });

  it("records that each critical service depends on the infrastructure it runs on", () => {
    const svc = (name: string) => byType("continuity-drill:index:CriticalService").find((r) => r.name === name)!;
    expect(svc("orders-db").dependencies).toEqual([expect.stringContaining("PostgresHa::orders-db-cluster")]);
    expect(svc("web").dependencies).toEqual(
      expect.arrayContaining([expect.stringContaining("CriticalService::orders-db"), expect.stringContaining("HaproxyWeb::web-tier")]),
    );
  });

  it("exports the plan: web depends hard on orders-db and sessions-cache, endpoints on 127.0.0.1", () => {
    expect(plan.services.map((s) => s.name)).toEqual(["orders-db", "sessions-cache", "web"]);
    const web = plan.services.find((s) => s.name === "web")!;
    expect(web.dependsOn).toEqual([{ service: "orders-db", kind: "hard" }, { service: "sessions-cache", kind: "hard" }]);
    const endpoints = plan.services.flatMap((s) => [...Object.values(s.endpoints), ...s.failoverTargets.flatMap((t) => Object.values(t.endpoints))]);
    expect(endpoints.length).toBeGreaterThan(5);
    for (const e of endpoints) expect(e).toMatch(/127\.0\.0\.1:\d+/);
    expect(plan.services[0]!.endpoints.primary).toContain("target_session_attrs=primary");
  });

  it("declares the hazards the local drills exercise", () => {
    const hazards = Object.fromEntries(plan.services.map((s) => [s.name, s.hazards.map((h) => h.id)]));
    expect(hazards).toEqual({
      "orders-db": ["node-loss", "network-partition"],
      "sessions-cache": ["node-loss", "process-hang"],
      web: ["node-loss", "dependency-latency"],
    });
  });
});

describe("stacks/local client-path proxies", () => {
  it("puts one proxy in front of each orders-db and sessions-cache node, on distinct loopback ports", () => {
    const [proxies] = byType("continuity-drill:local:ClientProxies");
    const routes = proxies?.inputs.routes as { node: string; listenPort: number; upstreamPort: number }[];
    expect(routes.map((r) => r.node).sort()).toEqual(["node-a", "node-b", "redis-a", "redis-b"]);
    expect(routes.find((r) => r.node === "node-a")!.upstreamPort).toBe(15431);
    expect(new Set(routes.map((r) => r.listenPort)).size).toBe(4);
    expect(proxies?.inputs.host).toBe("127.0.0.1");
  });
});
