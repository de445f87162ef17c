// Infrastructure checks for any program, plan or not: the rules run on the
// resource graph alone, resources are attributed to services by dependencies
// and by endpoints, and what the mocks cannot see is listed.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drill, REPO } from "../../support/cli.ts";

const program = (name: string) => join(REPO, "test/fixtures/programs", name);
type Out = { findings: { rule: string; severity: string; service?: string; resource?: string }[]; hint?: string };
const line = (f: Out["findings"][number]) => `${f.rule} ${f.severity} ${f.service ?? "-"} ${f.resource}`;

describe("verify without a plan", () => {
  it("runs the infrastructure rules, finds each planted single point of failure, says how to add a plan", () => {
    const r = drill(["verify", "--program", program("spof-without-plan"), "--stack", "dev", "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.findings.map(line).sort()).toEqual([
      "I1 error - single-az-db (aws:rds/instance:Instance)",
      "I2 warning - lone-cache (aws:elasticache/cluster:Cluster)",
      "I7 warning - one-task (aws:ecs/service:Service)",
      "I7 warning - queue (aws:mq/broker:Broker)",
      "I7 warning - search (aws:opensearch/domain:Domain)",
      "I7 warning - warehouse (aws:redshift/cluster:Cluster)",
    ]);
    expect(out.hint).toMatch(/export const continuityPlan = declarePlan/);
    expect(r.stderr).toMatch(/note: awsx:ec2:Vpc "network": a multi-language component; its insides .* are not visible under mocks/);
  });
});

describe("attribution by endpoints", () => {
  it("a cache node and a lone instance named only in a service's endpoints serve that service (errors)", () => {
    const r = drill(["verify", "--program", program("cache-by-endpoint"), "--stack", "dev", "--json"]);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.findings.filter((f) => f.rule.startsWith("I")).map(line)).toEqual([
      "I2 error sessions sessions-node (aws:elasticache/cluster:Cluster)",
      "I7 error sessions web (aws:ec2/instance:Instance)",
    ]);
  });
});
