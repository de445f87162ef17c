// stacks/aws evaluated under Pulumi mocks: assertions on the inputs of the
// resources it declares — placement across zones, failover settings, FIS
// templates and their stop conditions, the FIS role's scope — and on the plan.
import { beforeAll, describe, expect, it } from "vitest";
import { mockId } from "../../../runners/plan/mocks.ts";
import { evaluateProgram, type Evaluation } from "../../../runners/plan/mock-evaluate.ts";
import { findProgram } from "../../../runners/plan/pulumi-project.ts";
import { REPO_ROOT } from "../../../runners/plan/load.ts";
import { prepareDrill } from "../../../runners/drill/prepare.ts";
import { resolveTarget } from "../../../runners/faults/targets.ts";
import { listScenarioFiles, scenarioDir } from "../../../runners/scenarios/discover.ts";
import { checkCoverage } from "../../../runners/verify/coverage-rule.ts";
import { scenarioCoverage } from "../../../runners/verify/index.ts";
import { checkInfrastructure } from "../../../runners/verify/infra-rules.ts";
import { validatePlan, type PlanT } from "../../../stacks/lib/index.ts";

let evaluation: Evaluation;
let plan: PlanT;
const ZONES = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
const byType = (type: string) => evaluation.graph.resources.filter((r) => r.type === type);
const one = (type: string) => {
  const found = byType(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const zoneOfSubnet = (urn: string) => evaluation.graph.resources.find((r) => r.urn === urn)?.inputs.availabilityZone;

beforeAll(async () => {
  evaluation = await evaluateProgram(findProgram(REPO_ROOT, "aws"));
  plan = validatePlan(evaluation.outputs.continuityPlan, "continuityPlan");
});

describe("stacks/aws under mocks: multi-AZ placement and failover settings", () => {
  it("spreads public and private subnets, each with its own NAT gateway, over the configured zones", () => {
    const subnets = byType("aws:ec2/subnet:Subnet");
    expect(subnets.map((s) => s.inputs.availabilityZone).sort()).toEqual([...ZONES, ...ZONES].sort());
    expect(new Set(subnets.map((s) => s.inputs.cidrBlock)).size).toBe(6);
    expect(byType("aws:ec2/natGateway:NatGateway")).toHaveLength(3);
  });

  it("runs orders-db as Aurora PostgreSQL with one instance per zone, the writer first to fail over from", () => {
    const cluster = one("aws:rds/cluster:Cluster");
    expect(cluster.inputs).toMatchObject({ engine: "aurora-postgresql", storageEncrypted: true, manageMasterUserPassword: true, clusterIdentifier: "cd-aws-orders-db" });
    expect(cluster.inputs).not.toHaveProperty("masterPassword");
    const instances = byType("aws:rds/clusterInstance:ClusterInstance");
    expect(instances.map((i) => i.inputs.availabilityZone)).toEqual(ZONES);
    expect(instances.map((i) => i.inputs.promotionTier)).toEqual([0, 1, 2]);
    for (const i of instances) expect(i.dependencies).toContain(cluster.urn);
  });

  it("runs sessions-cache with automatic failover, Multi-AZ, a replica in another zone and TLS", () => {
    expect(one("aws:elasticache/replicationGroup:ReplicationGroup").inputs).toMatchObject({
      automaticFailoverEnabled: true, multiAzEnabled: true, numCacheClusters: 2,
      preferredCacheClusterAzs: ["eu-west-1a", "eu-west-1b"], transitEncryptionEnabled: true, replicationGroupId: "cd-aws-sessions",
    });
  });

  it("runs web as an Auto Scaling group over every zone's private subnet, replaced on ELB health, behind an ALB", () => {
    const group = one("aws:autoscaling/group:Group");
    expect(group.inputs).toMatchObject({ name: "cd-aws-web", minSize: 3, healthCheckType: "ELB" });
    const subnetZones = group.dependencies.map(zoneOfSubnet).filter(Boolean);
    expect(subnetZones.sort()).toEqual(ZONES);
    expect(one("aws:lb/targetGroup:TargetGroup").inputs.healthCheck).toMatchObject({ path: "/healthz", unhealthyThreshold: 2 });
  });

  it("fails the storefront's name over to a maintenance page on a health check", () => {
    const records = byType("aws:route53/record:Record").filter((r) => r.inputs.failoverRoutingPolicies);
    const primary = records.find((r) => (r.inputs.failoverRoutingPolicies as { type: string }[])[0]!.type === "PRIMARY")!;
    expect(primary.inputs).toMatchObject({ name: "shop.example.com", healthCheckId: expect.any(String) });
    expect(records.map((r) => (r.inputs.failoverRoutingPolicies as { type: string }[])[0]!.type).sort()).toEqual(["PRIMARY", "SECONDARY"]);
    expect(one("aws:route53/healthCheck:HealthCheck").inputs).toMatchObject({ resourcePath: "/healthz", failureThreshold: 3 });
  });
});

describe("stacks/aws under mocks: FIS experiments, stop conditions and the FIS role", () => {
  const templates = () => Object.fromEntries(byType("aws:fis/experimentTemplate:ExperimentTemplate").map((t) => [t.name, t]));
  type Action = { actionId: string; parameters?: { key: string; value: string }[]; target: { key: string; value: string } };
  type Target = { name: string; resourceType: string; selectionMode: string; resourceTags?: { key: string; value: string }[]; parameters?: Record<string, string>; filters?: unknown[] };

  it("declares one template per hazard with the documented actions", () => {
    const actions = Object.fromEntries(Object.entries(templates()).map(([name, t]) => [name, (t.inputs.actions as Action[]).map((a) => a.actionId)]));
    expect(actions).toEqual({
      "cd-aws-orders-db-node-loss": ["aws:rds:failover-db-cluster"],
      "cd-aws-sessions-cache-zone-loss": ["aws:elasticache:replicationgroup-interrupt-az-power"],
      "cd-aws-web-node-loss": ["aws:ec2:terminate-instances"],
      "cd-aws-web-zone-loss": ["aws:network:disrupt-connectivity", "aws:rds:failover-db-cluster", "aws:elasticache:replicationgroup-interrupt-az-power"],
    });
  });

  it("targets this stack's resources by tag, the impaired zone, and one running web instance at a time", () => {
    const t = templates();
    const targets = (name: string) => t[name]!.inputs.targets as Target[];
    expect(targets("cd-aws-orders-db-node-loss")).toEqual([expect.objectContaining({ resourceType: "aws:rds:cluster", resourceTags: [{ key: "continuity-drill:target", value: "cd-aws:orders-db" }] })]);
    expect(targets("cd-aws-sessions-cache-zone-loss")).toEqual([expect.objectContaining({ resourceType: "aws:elasticache:replicationgroup", parameters: { availabilityZoneIdentifier: "eu-west-1a" } })]);
    expect(targets("cd-aws-web-node-loss")).toEqual([expect.objectContaining({
      resourceType: "aws:ec2:instance", selectionMode: "COUNT(1)", resourceTags: [{ key: "aws:autoscaling:groupName", value: "cd-aws-web" }],
      filters: [{ path: "State.Name", values: ["running"] }],
    })]);
    expect(targets("cd-aws-web-zone-loss")[0]).toMatchObject({ resourceType: "aws:ec2:subnet", selectionMode: "ALL", resourceTags: [{ key: "continuity-drill:zone", value: "cd-aws:eu-west-1a" }] });
    const durations = Object.values(t).flatMap((x) => (x.inputs.actions as Action[]).flatMap((a) => a.parameters ?? [])).filter((p) => p.key === "duration");
    // The power cut and the network disruption are timed; a failover or a termination is not.
    expect(durations.map((d) => d.value)).toEqual(["PT5M", "PT5M", "PT5M"]);
    for (const x of Object.values(t)) expect(x.inputs.experimentOptions).toMatchObject({ emptyTargetResolutionMode: "fail" });
  });

  it("stops every template on the storefront's CloudWatch alarms", () => {
    const alarms = byType("aws:cloudwatch/metricAlarm:MetricAlarm");
    expect(alarms.map((a) => a.inputs.metricName).sort()).toEqual(["HTTPCode_ELB_5XX_Count", "HealthyHostCount"]);
    for (const t of Object.values(templates())) {
      // The mocks give each alarm a provider-shaped ARN: the stop conditions name them.
      expect(t.inputs.stopConditions).toEqual(alarms.map(() => ({ source: "aws:cloudwatch:alarm", value: expect.stringMatching(/^arn:aws:cloudwatch:eu-west-1:123456789012:metricalarm\//) })));
      for (const a of alarms) expect(t.dependencies).toContain(a.urn);
    }
  });

  it("lets FIS assume a role that may act only on this stack's targets", () => {
    expect(JSON.parse(one("aws:iam/role:Role").inputs.assumeRolePolicy as string).Statement[0].Principal).toEqual({ Service: "fis.amazonaws.com" });
    const statements = JSON.parse(one("aws:iam/rolePolicy:RolePolicy").inputs.policy as string).Statement as { Sid: string; Action: string[]; Resource: string[] }[];
    for (const s of statements.filter((x) => x.Resource.includes("*"))) {
      for (const action of s.Action) expect(action).toMatch(/^(ec2:(Describe|Get)\w+|tag:GetResources)$/);
    }
    const sid = (id: string) => statements.find((s) => s.Sid === id)!;
    expect(sid("FailoverOrdersDb").Resource).toEqual(["arn:aws:rds:eu-west-1:*:cluster:cd-aws-orders-db"]);
    expect(sid("TerminateWebInstances")).toMatchObject({ Condition: { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": "cd-aws-web" } } });
    const subnets = sid("SwapImpairedZoneAcls").Resource.filter((r) => r.includes(":subnet/"));
    // One public and one private subnet of zone a, by their (mock, provider-shaped) ids.
    const id = (name: string) => mockId("aws:ec2/subnet:Subnet", name);
    expect(subnets).toEqual([`arn:aws:ec2:eu-west-1:*:subnet/${id("network-public-eu-west-1a")}`, `arn:aws:ec2:eu-west-1:*:subnet/${id("network-private-eu-west-1a")}`]);
  });
});

describe("stacks/aws under mocks: the exported plan", () => {
  it("declares the three services for target aws in the configured region", () => {
    expect(plan).toMatchObject({ target: "aws", region: "eu-west-1", stack: "aws" });
    expect(plan.services.map((s) => [s.name, s.hazards.map((h) => h.id)])).toEqual([["orders-db", ["node-loss"]], ["sessions-cache", ["zone-loss"]], ["web", ["node-loss", "zone-loss"]]]);
  });

  it("gives endpoints the probe and ledger factories take, and each hazard's template id as fis:<hazard>", () => {
    const [db, cache, web] = plan.services;
    expect(db!.endpoints.primary).toBe("postgres://orders_admin@orders-db.continuity.internal:5432/orders?sslmode=require&target_session_attrs=read-write");
    expect(cache!.endpoints.primary).toBe("rediss://sessions-cache.continuity.internal:6379");
    expect(web!.endpoints.http).toBe("http://shop.example.com");
    // Under mocks a resource's id is "<name>-id"; deployed, these are FIS's EXT… ids.
    expect(db!.endpoints["fis:node-loss"]).toBe("cd-aws-orders-db-node-loss-id");
    expect(cache!.endpoints["fis:zone-loss"]).toBe("cd-aws-sessions-cache-zone-loss-id");
    expect([web!.endpoints["fis:node-loss"], web!.endpoints["fis:zone-loss"]]).toEqual(["cd-aws-web-node-loss-id", "cd-aws-web-zone-loss-id"]);
    expect(db!.failoverTargets[0]).toMatchObject({ via: "aurora", primary: "cd-aws-orders-db-eu-west-1a", standbys: ["cd-aws-orders-db-eu-west-1b", "cd-aws-orders-db-eu-west-1c"] });
    expect(JSON.stringify(plan)).not.toMatch(/password|secret/i);
  });

  it("attributes each service's infrastructure to it and has no infrastructure findings", () => {
    expect(checkInfrastructure(plan, evaluation.graph)).toEqual([]);
  });
});

describe("scenarios/aws against the plan", () => {
  it("each scenario validates and runs one fis.experiment on its hazard's template from the plan", async () => {
    const files = listScenarioFiles(scenarioDir(REPO_ROOT, "aws"));
    expect(files.map((f) => f.split("/").pop())).toEqual(["orders-db-node-loss.ts", "sessions-cache-zone-loss.ts", "web-node-loss.ts", "web-zone-loss.ts"]);
    for (const file of files) {
      const drill = await prepareDrill(file, plan, "test");
      expect(drill.faults.map((f) => f.kind.kind)).toEqual(["fis.experiment"]);
      const target = await resolveTarget(plan, drill.service.name, drill.faults[0]!.spec.target, undefined);
      expect(target).toEqual({ kind: "endpoint", service: drill.service.name, endpoint: `fis:${drill.hazard.id}`, address: drill.service.endpoints[`fis:${drill.hazard.id}`] });
      expect(drill.probeSpecs.length).toBeGreaterThan(0);
    }
  });

  it("cover every tier 1–2 hazard (V5)", async () => {
    const scenarios = await scenarioCoverage(scenarioDir(REPO_ROOT, "aws"), plan, "aws stack");
    expect(scenarios.findings).toEqual([]);
    expect(checkCoverage(plan, scenarios.coverage)).toEqual([]);
  });
});
