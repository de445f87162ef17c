// A deployed stack for real: the Pulumi CLI built by scripts/pulumi-cli.sh runs
// `pulumi up` of an Automation API inline program made of our CriticalService
// components (component resources only: no provider plugin, no cloud) against a
// file backend in a temp dir; then `drill plan --stack-name` reads the plan
// back from the stack's real outputs, its secret endpoint decrypted.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployedStackOutputs } from "../../../runners/plan/deployed.ts";
import { REPO_ROOT } from "../../../runners/plan/load.ts";
import { CriticalService, declarePlan } from "../../../stacks/lib/index.ts";
import { drill } from "../../support/cli.ts";
import { pulumiSandbox, type PulumiSandbox } from "../../support/pulumi-cli.ts";

const PROJECT = "drill-inline";
const STACK = `organization/${PROJECT}/dev`;
const SECRET_URL = "postgres://app:s3cret-pw@127.0.0.1:5432/ledger";

/** The program a user would write: two services, one endpoint a secret, one dependency. */
async function program() {
  const ledger = new CriticalService("ledger", {
    tier: 1,
    owner: "finance",
    objectives: { rto: "1m", rpo: "0s", mtpd: "8h", exerciseEvery: "90d" },
    endpoints: { primary: pulumi.secret(SECRET_URL) },
    failoverTargets: [{ name: "ledger-replica", kind: "replica", mechanism: "automatic", replication: "synchronous", primary: "db-1", standbys: ["db-2"] }],
    hazards: [{ id: "node-loss", title: "database host lost", likelihood: "possible", impact: "severe" }],
  });
  const api = new CriticalService("api", {
    tier: 2,
    owner: "platform",
    objectives: { rto: "5m", rpo: "1m", mtpd: "1d", exerciseEvery: "90d" },
    endpoints: { http: "http://127.0.0.1:8080/health" },
    dependsOn: [{ service: ledger, kind: "hard" }],
  });
  return { continuityPlan: declarePlan([ledger, api], { target: "aws", region: "eu-west-1" }) };
}

let box: PulumiSandbox;
let stack: Stack;
const saved = { ...process.env };

beforeAll(async () => {
  box = pulumiSandbox();
  mkdirSync(new URL(box.env.PULUMI_BACKEND_URL!).pathname, { recursive: true });
  // The Automation API drives the `pulumi` it finds on PATH, with this process's environment.
  Object.assign(process.env, box.env);
  stack = await LocalWorkspace.createOrSelectStack({ stackName: STACK, projectName: PROJECT, program }, { workDir: box.dir });
  const result = await stack.up();
  expect(result.summary.result).toBe("succeeded");
  // The stack, both components: real resources in a real checkpoint.
  expect(result.summary.resourceChanges).toMatchObject({ create: 3 });
}, 900_000);

afterAll(async () => {
  process.env = { ...saved };
  if (box) rmSync(box.dir, { recursive: true, force: true });
});

describe("a stack deployed with the real Pulumi CLI (file backend)", () => {
  it("the CLI is the version our @pulumi/pulumi expects", async () => {
    const version = (await stack.workspace.pulumiVersion).replace(/^v/, "");
    const { version: sdk } = await import("@pulumi/pulumi/package.json", { with: { type: "json" } }).then((m) => m.default);
    expect(version).toBe(sdk);
  });

  it("deployedStackOutputs reads the plan from the stack's outputs, the secret decrypted", async () => {
    const outputs = await deployedStackOutputs(STACK, REPO_ROOT);
    const plan = outputs.continuityPlan as { project: string; stack: string; services: { name: string; endpoints: Record<string, string> }[] };
    expect(plan).toMatchObject({ project: PROJECT, stack: "dev", target: "aws", region: "eu-west-1" });
    expect(plan.services.map((s) => s.name)).toEqual(["ledger", "api"]);
    expect(plan.services[0]!.endpoints.primary).toBe(SECRET_URL);
    // The checkpoint on disk holds it encrypted: the plain value is in none of the backend's files.
    const backend = new URL(box.env.PULUMI_BACKEND_URL!).pathname;
    const files = readdirSync(backend, { recursive: true }).map(String).filter((f) => f.endsWith(".json"));
    expect(files).toContain(join(".pulumi", "stacks", PROJECT, "dev.json"));
    for (const f of files) expect(readFileSync(join(backend, f), "utf8"), f).not.toContain("s3cret-pw");
    expect(readFileSync(join(backend, ".pulumi", "stacks", PROJECT, "dev.json"), "utf8")).toContain("4dabf18193072939515e22adb298388d");
  });

  it("`drill plan --stack-name … --json` prints the deployed plan", () => {
    const r = drill(["plan", "--stack-name", STACK, "--json"], { env: box.env, timeoutMs: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.services.map((s: { name: string }) => s.name)).toEqual(["ledger", "api"]);
    expect(plan.services[0].endpoints.primary).toBe(SECRET_URL);
    expect(plan.services[1].dependsOn).toEqual([expect.objectContaining({ service: "ledger", kind: "hard" })]);
  });

  it("`drill plan --stack-name` names the deployed stack as the plan's origin", () => {
    const r = drill(["plan", "--stack-name", STACK], { env: box.env, timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Plan ${PROJECT}/dev (target aws) — 2 services`);
    expect(r.stdout).toContain(`from deployed stack ${STACK}`);
  });

  it("a stack that was never deployed: exit 3 with the CLI's own reason", () => {
    const r = drill(["plan", "--stack-name", `organization/${PROJECT}/nosuchstack`], { env: box.env, timeoutMs: 120_000 });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/outputs of stack organization\/drill-inline\/nosuchstack .*failed: .*nosuchstack/s);
  });
});
