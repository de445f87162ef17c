// The mocks answer like the providers: lookups, output-only attributes, stack
// references and Pulumi's own config (project config, stackConfigDir, secrets).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyDocument } from "../../../runners/plan/mock-policy-document.ts";
import { drill, REPO } from "../../support/cli.ts";

const program = (name: string) => join(REPO, "test/fixtures/programs", name);
const run = (name: string, extra: string[] = [], env: Record<string, string> = {}) =>
  drill(["plan", "--program", program(name), "--stack", "dev", "--json", ...extra], { env });

describe("getPolicyDocument as the provider renders it", () => {
  it("defaults Version and Effect, writes a list of one as a string, groups principals and conditions", () => {
    expect(policyDocument({
      statements: [
        { sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::1:root"] }] },
        { effect: "Deny", actions: ["*"], resources: ["*"], principals: [{ type: "*", identifiers: ["*"] }], conditions: [{ test: "StringEquals", variable: "aws:ResourceTag/env", values: ["prod"] }] },
      ],
    })).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"], Principal: { AWS: "arn:aws:iam::1:root" } },
        { Effect: "Deny", Action: "*", Resource: "*", Principal: "*", Condition: { StringEquals: { "aws:ResourceTag/env": "prod" } } },
      ],
    });
  });
});

describe("provider lookups and output-only attributes", () => {
  it("zones, identity, region, endpoints and a StackReference from a file: no undefined in the plan", () => {
    const r = run("provider-lookups", ["--stack-reference", `acme/network/prod=${program("provider-lookups/network.json")}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("undefined");
    const orders = JSON.parse(r.stdout).services[0];
    expect(orders.description).toBe("3 zones (euw1-az1,euw1-az2,euw1-az3) in eu-west-1, account 123456789012");
    expect(orders.endpoints).toEqual({ primary: "postgres://shop@orders-db.mock.eu-west-1.amazonaws.com:5432/shop", network: "db.network.internal" });
  });

  it("a StackReference without a file stays unknown: the plan is reported unknown with the reason, exit 2", () => {
    const r = run("provider-lookups");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"continuityPlan" is unknown under mocks/);
    expect(r.stderr).toMatch(/StackReference "acme\/network\/prod": its outputs are unknown under mocks \(give --stack-reference/);
  });
});

describe("config like Pulumi", () => {
  const passphrase = { PULUMI_CONFIG_PASSPHRASE: "correct horse battery staple" };

  it("project config, stackConfigDir, the stack file over the project and a passphrase secret decrypted", () => {
    const r = run("secrets-and-config", [], passphrase);
    expect(r.code).toBe(0);
    const api = JSON.parse(r.stdout).services[0];
    expect(api.owner).toBe("payments");
    expect(api.objectives.rto).toBe("90s");
    expect(api.description).toBe("region eu-central-1, password length 18");
  });

  it("--config wins over the stack file", () => {
    expect(JSON.parse(run("secrets-and-config", ["--config", "apiRto=7m"], passphrase).stdout).services[0].objectives.rto).toBe("7m");
  });

  it("without a passphrase a secret is a marked placeholder and a notice, never a refusal", () => {
    expect(process.env.PULUMI_CONFIG_PASSPHRASE).toBeUndefined();
    const r = run("secrets-and-config");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/config secrets-and-config:dbPassword is a secret \(set PULUMI_CONFIG_PASSPHRASE to decrypt it\)/);
    expect(r.stdout).toContain("[secret secrets-and-config:dbPassword: not decrypted under mocks]");
  });

  it("a wrong passphrase is named, exit 2", () => {
    const r = run("secrets-and-config", [], { PULUMI_CONFIG_PASSPHRASE: "wrong" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config\/Pulumi\.dev\.yaml: PULUMI_CONFIG_PASSPHRASE does not unlock this stack/);
  });
});
