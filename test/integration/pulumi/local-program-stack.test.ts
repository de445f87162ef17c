// Our own Pulumi program on disk (Pulumi.yaml: stacks/index.ts through tsx),
// deployed for real: the Pulumi CLI and its Node.js language host, both built
// by scripts/pulumi-cli.sh, run `pulumi up` of the local stack (its component
// resources declare the plan; nothing is started) against a file backend. The
// plan read back from the deployed stack's outputs must be the plan the mock
// runtime evaluates: the two ways of getting a plan agree.
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../runners/plan/load.ts";
import { drill } from "../../support/cli.ts";
import { pulumiSandbox, type PulumiSandbox } from "../../support/pulumi-cli.ts";

let box: PulumiSandbox;
let stack: Stack;
let project: string;
let upSeconds: number;
const saved = { ...process.env };

beforeAll(async () => {
  box = pulumiSandbox();
  if (!box.hasNodejsHost) throw new Error(`scripts/pulumi-cli.sh built no pulumi-language-nodejs in ${box.bin}: see the build log beside it`);
  mkdirSync(new URL(box.env.PULUMI_BACKEND_URL!).pathname, { recursive: true });
  // The language host built here is v3.68 (the last one the module proxy
  // serves, see scripts/pulumi-cli.sh); it predates the engine handing it
  // Pulumi.yaml's runtime options, so `nodeargs: --import tsx` reaches node
  // through NODE_OPTIONS instead.
  Object.assign(process.env, box.env, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import tsx`.trim() });
  // A copy of the project files (stack init writes its secrets salt into
  // Pulumi.local.yaml: the repository's own must stay untouched); the program
  // and the dependencies are the repository's, by symlink.
  project = join(box.dir, "project");
  mkdirSync(project);
  for (const f of ["Pulumi.yaml", "Pulumi.local.yaml", "package.json"]) copyFileSync(join(REPO_ROOT, f), join(project, f));
  for (const d of ["stacks", "node_modules"]) symlinkSync(join(REPO_ROOT, d), join(project, d));
  stack = await LocalWorkspace.createOrSelectStack({ stackName: "local", workDir: project });
  const started = Date.now();
  const result = await stack.up();
  upSeconds = (Date.now() - started) / 1000;
  expect(result.summary.result).toBe("succeeded");
}, 900_000);

afterAll(() => {
  process.env = { ...saved };
  if (box) rmSync(box.dir, { recursive: true, force: true });
});

describe("the local stack's program deployed with pulumi up (on-disk program, Node.js language host)", () => {
  it("deploys the three critical services and their HA components, and nothing else", async () => {
    const resources = (await stack.exportStack()).deployment.resources as { type: string; urn: string }[];
    const services = resources.filter((r) => r.type === "continuity-drill:index:CriticalService").map((r) => r.urn.split("::").pop());
    expect(services.sort()).toEqual(["orders-db", "sessions-cache", "web"]);
    // Component resources only: no provider was needed, none was downloaded.
    expect(resources.filter((r) => r.type.startsWith("pulumi:providers:"))).toEqual([]);
    process.stderr.write(`[pulumi] up of the local stack (components only) took ${upSeconds.toFixed(1)} s\n`);
  });

  it("`drill plan --stack-name local --json` (from the repository, file backend) equals the plan the mock runtime evaluates", () => {
    const deployed = drill(["plan", "--stack-name", "organization/continuity-drill/local", "--json"], { env: box.env, timeoutMs: 120_000 });
    expect(deployed.stderr).toBe("");
    expect(deployed.code).toBe(0);
    const mocked = drill(["plan", "--json"], { timeoutMs: 120_000 });
    expect(mocked.code).toBe(0);
    const plan = JSON.parse(deployed.stdout);
    expect(plan).toMatchObject({ project: "continuity-drill", stack: "local", target: "local" });
    expect(plan.services.map((s: { name: string }) => s.name)).toEqual(["orders-db", "sessions-cache", "web"]);
    expect(plan).toEqual(JSON.parse(mocked.stdout));
  });
});
