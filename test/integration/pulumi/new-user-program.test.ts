// Issue 16's "done when", as one program and one test: a new user's program
// made like `pulumi new aws-typescript` (test/fixtures/programs/new-user-planted-defects)
// with the newest @pulumi/pulumi of our peer range, @pulumi/awsx from the npm
// registry and this package packed, all installed into a temp copy the way
// scripts/pulumi-range.sh installs them (so: tools tier, network). Then, with
// the installed `drill` as the user runs it: the user's own tsc is clean, the
// plan has no `undefined` and masks the secret, verify reports exactly the
// planted defects, the broken scenario with all its errors, and a dry run
// touches nothing.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passphraseDecrypter } from "../../../runners/plan/pulumi-secrets.ts";
import { REPO } from "../../support/cli.ts";

const FIXTURE = join(REPO, "test/fixtures/programs/new-user-planted-defects");
const PASSPHRASE = "planted defects";
/** awsx pinned, so a new awsx release cannot change what this test means; bump it on purpose. */
const AWSX = "3.9.0";
const STACK_REF = ["--stack-reference", "acme/network/prod=network-outputs.json"];

let work: string;
let secret: string;
let program: string;
let pulumiVersion: string;
const seconds: Record<string, number> = {};

interface Run { code: number | null; stdout: string; stderr: string }

function sh(command: string, args: string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Run {
  const r = spawnSync(command, args, {
    cwd: opts.cwd, encoding: "utf8", timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 << 20,
    env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false", ...opts.env },
  });
  if (r.error) throw new Error(`${command} ${args.join(" ")}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function timed(label: string, f: () => Run): Run {
  const started = Date.now();
  const r = f();
  seconds[label] = (Date.now() - started) / 1000;
  return r;
}

/** The installed package's own `drill`, run in the program's folder with the stack's passphrase. */
const drill = (args: string[]) =>
  sh(join(program, "node_modules/.bin/drill"), args, { cwd: program, env: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE } });

let verified: Run | undefined;
/** `drill verify --json`, run once for the tests that read it. */
const verify = () => (verified ??= timed("drill verify", () => drill(["verify", "--program", ".", "--stack", "dev", "--json", ...STACK_REF])));

/** The newest version of the peer range, as scripts/pulumi-range.sh picks it. */
function newestPulumi(): string {
  const range = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { peerDependencies: Record<string, string> }).peerDependencies["@pulumi/pulumi"]!;
  const r = sh("npm", ["view", `@pulumi/pulumi@${range}`, "version", "--json"], { cwd: REPO });
  expect(r.code, r.stderr).toBe(0);
  return ([] as string[]).concat(JSON.parse(r.stdout) as string | string[]).at(-1)!;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cd-new-user-"));
  program = join(work, "program");
  pulumiVersion = newestPulumi();
  const pack = timed("npm pack (builds dist/)", () => sh("npm", ["pack", "--silent", "--pack-destination", work], { cwd: REPO }));
  expect(pack.code, pack.stderr).toBe(0);
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
  cpSync(FIXTURE, program, { recursive: true });
  // The secret's plaintext, decrypted apart from the evaluation under test.
  const stackFile = join(program, "Pulumi.dev.yaml");
  const doc = parse(readFileSync(stackFile, "utf8")) as { encryptionsalt: string; config: Record<string, { secure: string }> };
  secret = passphraseDecrypter(stackFile, doc.encryptionsalt, PASSPHRASE)(doc.config["new-user-planted-defects:dbPassword"]!.secure, "dbPassword");
  const install = timed("npm install", () => sh("npm", ["install", "--no-audit", "--no-fund", `@pulumi/pulumi@${pulumiVersion}`, `@pulumi/awsx@${AWSX}`, join(work, tarball)], { cwd: program, timeoutMs: 600_000 }));
  expect(install.code, install.stderr).toBe(0);
  // One @pulumi/pulumi for the program, awsx and us: two copies are two runtimes.
  const copies = sh("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable"], { cwd: program }).stdout.split("\n").filter(Boolean);
  expect(new Set(copies).size).toBe(1);
}, 900_000);

afterAll(() => {
  process.stderr.write(`[new-user-program] @pulumi/pulumi ${pulumiVersion}, @pulumi/awsx ${AWSX}: ${Object.entries(seconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(", ")}\n`);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file of the program outside node_modules with its size and mtime: what "touches nothing" compares. */
function snapshot(dir: string, rel = ""): string[] {
  return readdirSync(join(dir, rel)).filter((f) => f !== "node_modules").flatMap((f) => {
    const path = join(rel, f);
    const st = statSync(join(dir, path));
    return st.isDirectory() ? snapshot(dir, path) : [`${path} ${st.size} ${st.mtimeMs}`];
  });
}

describe("a new user's pulumi-new-aws-typescript program with an awsx VPC, a zones lookup, a StackReference, secrets and project config", () => {
  it("the user's own `tsc --noEmit` (their tsconfig: strict, commonjs, no skipLibCheck) is clean", () => {
    const r = timed("tsc --noEmit", () => sh(join(program, "node_modules/.bin/tsc"), ["--noEmit", "--pretty", "false"], { cwd: program, timeoutMs: 240_000 }));
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("`drill plan --json` resolves lookups, project config and the StackReference, has no undefined, and masks the secret", () => {
    const r = timed("drill plan", () => drill(["plan", "--program", ".", "--stack", "dev", "--json", ...STACK_REF]));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("undefined");
    expect(r.stdout + r.stderr).not.toContain(secret);
    const orders = (JSON.parse(r.stdout) as { services: { name: string; owner: string; description: string; objectives: { rto: string }; endpoints: Record<string, string> }[] }).services.find((s) => s.name === "orders")!;
    expect(orders.owner).toBe("shop"); // project config in Pulumi.yaml
    expect(orders.objectives.rto).toBe("5m"); // a declared default in Pulumi.yaml
    expect(orders.description).toBe("orders in 3 zones (euw1-az1,euw1-az2,euw1-az3)"); // aws.getAvailabilityZones in eu-west-1
    expect(orders.endpoints.primary).toBe("postgres://shop:[secret]@orders-db.mock.eu-west-1.amazonaws.com:5432/shop");
    expect(orders.endpoints.bastion).toBe("bastion.network.internal"); // the StackReference's output
    // The awsx VPC is opaque under mocks: said, not silently skipped.
    expect(r.stderr).toMatch(/note: awsx:ec2:Vpc "shop-vpc": a multi-language component/);
  });

  it("`drill verify` reports exactly the planted defects: none missed, none false", () => {
    const r = verify();
    expect(r.code, r.stderr).toBe(1);
    const { findings } = JSON.parse(r.stdout) as { findings: { rule: string; service?: string; field?: string; resource?: string; scenario?: string }[] };
    const subject = (f: (typeof findings)[number]) =>
      [f.rule, f.service, f.field, f.resource?.replace(/ \(.*\)$/, ""), f.scenario && basename(f.scenario)].filter(Boolean).join(" ");
    // The planted list is in the fixture's index.ts header.
    expect(new Set(findings.map(subject))).toEqual(new Set([
      "I1 orders orders-db",
      "P1 notifications",
      "V8 orders hazards",
      "V9 orders dependsOn[0]",
      "S1 orders-broken.ts",
    ]));
    expect(findings).toHaveLength(5);
  });

  it("the broken scenario is reported with all its errors", () => {
    const r = verify();
    const { findings } = JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] };
    const s1 = findings.filter((f) => f.rule === "S1");
    expect(s1).toHaveLength(1);
    const listed = s1[0]!.message.split("\n").filter((l) => l.startsWith("  ")).map((l) => l.trim().split(":")[0]);
    expect(listed.sort()).toEqual(["faults[0].duration", "faults[0].kind", "windows.steady", "workload.probes[0].kind", "workload.probes[0].rateHz"]);
    expect(s1[0]!.message).toMatch(/unknown fault kind "fis\.experment"/);
    expect(s1[0]!.message).toMatch(/not counted as coverage/);
  });

  it("`drill run --dry-run` of the valid scenario names what it would inject and touches nothing", () => {
    const before = snapshot(program);
    const out = join(work, "evidence");
    const r = timed("drill run --dry-run", () => drill(["run", "orders-az-loss", "--program", ".", "--stack", "dev", "--dry-run", "--out", out, ...STACK_REF]));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/inject {2}fis\.experiment on endpoint fis:az-loss of orders at orders-az-loss-id/);
    expect(r.stdout).toMatch(/probe {3}orders-sql \(postgres\) → postgres:\/\/shop:\*\*\*@orders-db\.mock\.eu-west-1\.amazonaws\.com:5432\/shop at 10 Hz/);
    expect(r.stdout).toContain("dry run: 1 scenario(s) valid; nothing was started, injected or written");
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(existsSync(out)).toBe(false);
    expect(snapshot(program)).toEqual(before);
  });
});
