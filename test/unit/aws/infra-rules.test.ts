// Infrastructure rules (I1–I6) on the AWS reference stack's resource graph,
// each fixture breaking one thing (test/fixtures/aws/graph-defects.ts): every
// finding names its rule, severity, service and resource.
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateProgram, type Evaluation } from "../../../runners/plan/mock-evaluate.ts";
import { findProgram } from "../../../runners/plan/pulumi-project.ts";
import { REPO_ROOT } from "../../../runners/plan/load.ts";
import type { ResourceGraph } from "../../../runners/plan/resource-graph.ts";
import { checkInfrastructure } from "../../../runners/verify/infra-rules.ts";
import { statementsOf, unscopedWrites } from "../../../runners/verify/infra-policy.ts";
import { validatePlan, type PlanT } from "../../../stacks/lib/index.ts";
import { GRAPH_DEFECTS } from "../../fixtures/aws/graph-defects.ts";

let evaluation: Evaluation;
let plan: PlanT;

beforeAll(async () => {
  evaluation = await evaluateProgram(findProgram(REPO_ROOT, "aws"));
  plan = validatePlan(evaluation.outputs.continuityPlan, "continuityPlan");
});

function findingsWith(defect: keyof typeof GRAPH_DEFECTS): string[] {
  const graph = structuredClone(evaluation.graph) as ResourceGraph;
  GRAPH_DEFECTS[defect]!(graph);
  return checkInfrastructure(plan, graph).map((f) => `${f.rule} ${f.severity} ${f.service ?? "-"} ${f.resource}: ${f.message}`);
}

describe("infrastructure rules on graphs named after their defect", () => {
  it.each([
    ["aurora-single-instance", /^I1 error orders-db orders-db-cluster-cluster \(aws:rds\/cluster:Cluster\): has 1 instance\(s\): no reader to promote/],
    ["aurora-instances-in-one-zone", /^I1 error orders-db .*: all 3 instances are in eu-west-1a: losing that zone loses writer and readers/],
    ["aurora-reader-zone-left-to-aws", /^I1 warning orders-db .*: instance\(s\) orders-db-cluster-eu-west-1b leave their zone to AWS/],
    ["rds-instance-single-az", /^I1 error - legacy-db \(aws:rds\/instance:Instance\): is a single-AZ instance/],
    ["cache-without-automatic-failover", /^I2 error sessions-cache sessions-cache-group-group \(aws:elasticache\/replicationGroup:ReplicationGroup\): automaticFailoverEnabled is off/],
    ["cache-without-multi-az", /^I2 error sessions-cache .*: multiAzEnabled is off/],
    ["cache-single-node", /^I2 error sessions-cache .*: 1 node per shard: there is no replica to promote/],
    ["cache-nodes-in-one-zone", /^I2 error sessions-cache .*: every node is placed in eu-west-1b/],
    ["asg-in-one-subnet", /^I3 error web web-tier-group \(aws:autoscaling\/group:Group\): every instance runs in eu-west-1a/],
    ["asg-min-size-one", /^I3 error web .*: minSize 1: losing its one instance is an outage/],
    ["template-without-stop-condition", /^I4 error web cd-aws-web-node-loss \(aws:fis\/experimentTemplate:ExperimentTemplate\): declares no stop condition/],
    ["template-stops-on-none-only", /^I4 error orders-db cd-aws-orders-db-node-loss .*: stops only on "none"/],
    ["fis-role-with-star-resources", /^I5 error - cd-aws-fis-targets \(aws:iam\/rolePolicy:RolePolicy\): lets FIS role cd-aws-fis rds:FailoverDBCluster, ec2:TerminateInstances on Resource "\*"/],
    ["fis-role-with-managed-policy", /^I5 warning - fis-ec2 .*: attaches AWS managed AWSFaultInjectionSimulatorEC2Access/],
    ["fis-role-star-scoped-by-tag-only-one-unscoped", /^I5 error - cd-aws-fis-targets .*: lets FIS role cd-aws-fis ec2:RebootInstances on Resource "\*"/],
    ["native-fis-role-with-star-resources", /^I5 error - fis-native \(aws-native:iam:Role\): lets FIS role fis-native \* on Resource "\*"/],
    ["native-template-without-stop-condition", /^I4 error - native-az-loss \(aws-native:fis:ExperimentTemplate\): declares no stop condition/],
    ["dns-primary-without-health-check", /^I6 error web storefront-dns-primary \(aws:route53\/record:Record\): PRIMARY failover record without a health check/],
    ["dns-primary-without-secondary", /^I6 warning web storefront-dns-primary .*: PRIMARY failover record for shop.example.com has no SECONDARY/],
  ])("%s", (defect, pattern) => {
    const findings = findingsWith(defect);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(pattern);
  });

  it("a group looked up with .get() (awsx classic's CloudFormation group) is not judged: its settings are elsewhere", () => {
    const graph = structuredClone(evaluation.graph) as ResourceGraph;
    GRAPH_DEFECTS["asg-in-one-subnet"]!(graph);
    expect(checkInfrastructure(plan, graph).map((f) => f.rule)).toEqual(["I3"]);
    for (const r of graph.resources) if (r.type === "aws:autoscaling/group:Group") r.read = true;
    expect(checkInfrastructure(plan, graph)).toEqual([]);
  });

  it("the unbroken graph has no findings, and no fixture breaks more than it says", () => {
    expect(checkInfrastructure(plan, evaluation.graph)).toEqual([]);
  });
});

describe("IAM policy reading", () => {
  it("allows read-only calls on * and flags writes and wildcards", () => {
    const doc = { Statement: [
      { Effect: "Allow", Action: ["ec2:DescribeSubnets", "tag:GetResources", "ec2:TerminateInstances", "rds:*"], Resource: "*" },
      { Effect: "Deny", Action: "ec2:TerminateInstances", Resource: "*" },
      { Effect: "Allow", Action: "rds:FailoverDBCluster", Resource: ["arn:aws:rds:eu-west-1:*:cluster:x"] },
    ] };
    expect(statementsOf(JSON.stringify(doc)).flatMap(unscopedWrites)).toEqual(["ec2:TerminateInstances", "rds:*"]);
    expect(statementsOf("not json")).toEqual([]);
    expect(statementsOf({ Statement: { Effect: "Allow", Action: "*", Resource: "*" } }).flatMap(unscopedWrites)).toEqual(["*"]);
    // A tag or ARN condition scopes "*"; a Null test does not.
    const tagged = (Condition: unknown) => unscopedWrites({ Effect: "Allow", Action: "ec2:StopInstances", Resource: "*", Condition } as never);
    expect(tagged({ StringEquals: { "ec2:ResourceTag/env": "drill" } })).toEqual([]);
    expect(tagged({ StringLike: { "aws:ResourceTag/drill": "*" } })).toEqual([]);
    expect(tagged({ Null: { "aws:ResourceTag/drill": "false" } })).toEqual(["ec2:StopInstances"]);
    expect(tagged({ Bool: { "aws:SecureTransport": "true" } })).toEqual(["ec2:StopInstances"]);
  });
});
