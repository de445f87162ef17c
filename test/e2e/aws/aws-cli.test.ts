// End to end, without an AWS account or credentials: the real `drill` command
// reads the aws stack under mocks, and verifies user programs whose AWS
// infrastructure carries a defect named by the fixture.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drill, REPO } from "../../support/cli.ts";

// No credentials anywhere: a HOME without ~/.aws, no AWS_* variables.
const NO_AWS = { HOME: mkdtempSync(join(tmpdir(), "no-aws-")), AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "", AWS_PROFILE: "", AWS_REGION: "" };
const fixture = (name: string) => join(REPO, "test/fixtures/aws", name);

describe("drill plan and verify --stack aws", () => {
  it("plan prints the three AWS services with their objectives", () => {
    const r = drill(["plan", "--stack", "aws"], { env: NO_AWS });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Plan continuity-drill/aws (target aws) — 3 services");
    expect(r.stdout).toMatch(/orders-db\s+1\s+1m\s+0s\s+4h/);
    expect(r.stdout).toMatch(/sessions-cache\s+2\s+2m\s+5s\s+1h/);
    expect(r.stdout).toMatch(/web\s+1\s+2m\s+0s\s+4h\s+50%/);
    expect(r.stdout).toContain("failover  orders-db-reader (replica; automatic, via aurora, synchronous replication)");
  });

  it("verify finds every tier 1–2 hazard covered and no infrastructure finding", () => {
    const r = drill(["verify", "--stack", "aws", "--json"], { env: NO_AWS });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.findings).toEqual([]);
    expect(out.scenarios).toMatch(/scenarios\/aws$/);
    expect(r.code).toBe(0);
  });
});

describe("drill verify on user programs with AWS infrastructure defects", () => {
  const infra = (program: string) => {
    const r = drill(["verify", "--program", fixture(program), "--stack", "dev", "--json"], { env: NO_AWS });
    // These fixtures set no aws:region: the one notice is that the mocks assume one.
    expect(r.stderr).toBe("note: aws:region is not set: the mocks assume us-east-1 (set it with --config aws:region=…)\n");
    return { code: r.code, findings: (JSON.parse(r.stdout).findings as { rule: string }[]).filter((f) => f.rule.startsWith("I")) };
  };

  it("aurora-single-instance: I1 names the cluster and the service it carries", () => {
    const { code, findings } = infra("aurora-single-instance");
    expect(findings).toEqual([{ rule: "I1", severity: "error", service: "orders-db", resource: "orders (aws:rds/cluster:Cluster)", message: expect.stringContaining("has 1 instance(s): no reader to promote") }]);
    expect(code).toBe(1);
  });

  it("template-stops-on-none-only: I4 names the template", () => {
    const { code, findings } = infra("template-stops-on-none-only");
    expect(findings).toEqual([{ rule: "I4", severity: "error", service: "orders-db", resource: "orders-failover (aws:fis/experimentTemplate:ExperimentTemplate)", message: expect.stringContaining('stops only on "none"') }]);
    expect(code).toBe(1);
  });
});
