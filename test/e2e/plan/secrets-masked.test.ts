// A decrypted secret is used for real (the drill connects with it) and never
// printed: `drill plan` masks it in JSON and text, as Pulumi prints "[secret]".
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SECRET_MARK } from "../../../runners/plan/mask-secrets.ts";
import { passphraseDecrypter } from "../../../runners/plan/pulumi-secrets.ts";
import { drill, REPO } from "../../support/cli.ts";

const program = join(REPO, "test/fixtures/programs/secrets-and-config");
const stackFile = join(program, "config/Pulumi.dev.yaml");
const PASSPHRASE = "correct horse battery staple";

/** The secret's plaintext, decrypted independently of the evaluation under test. */
function plaintext(): string {
  const doc = parse(readFileSync(stackFile, "utf8")) as { encryptionsalt: string; config: Record<string, { secure: string }> };
  return passphraseDecrypter(stackFile, doc.encryptionsalt, PASSPHRASE)(doc.config["secrets-and-config:dbPassword"]!.secure, "dbPassword");
}

describe("drill plan with a decrypted secret in an endpoint", () => {
  const secret = plaintext();

  it("JSON and text show [secret], never the value", () => {
    const env = { env: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE } };
    const json = drill(["plan", "--program", program, "--stack", "dev", "--json"], env);
    expect(json.code).toBe(0);
    expect(json.stdout + json.stderr).not.toContain(secret);
    expect(JSON.parse(json.stdout).services[0].endpoints.primary).toBe(`postgres://app:${SECRET_MARK}@db.internal:5432/app`);
    const text = drill(["plan", "--program", program, "--stack", "dev"], env);
    expect(text.code).toBe(0);
    expect(text.stdout + text.stderr).not.toContain(secret);
  });

  it("the plan the drill uses holds the real value", () => {
    // In a process of its own, as the CLI evaluates programs (the Pulumi runtime is process-global).
    const script = `const { loadPlan } = await import(${JSON.stringify(join(REPO, "runners/plan/load.ts"))});
      const l = await loadPlan({ program: ${JSON.stringify(program)}, stack: "dev" });
      process.stdout.write(JSON.stringify({ primary: l.plan.services[0].endpoints.primary, secrets: l.secrets }));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO, env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE }, encoding: "utf8", timeout: 120_000,
    });
    expect(JSON.parse(out)).toEqual({ primary: `postgres://app:${secret}@db.internal:5432/app`, secrets: [secret] });
  });

  it("the plan document masks the value but names the digest journals record (of the plan the drill uses)", () => {
    const script = `const { loadPlan } = await import(${JSON.stringify(join(REPO, "runners/plan/load.ts"))});
      const { digestOf } = await import(${JSON.stringify(join(REPO, "journal/identity.ts"))});
      const l = await loadPlan({ program: ${JSON.stringify(program)}, stack: "dev" });
      process.stdout.write(digestOf(l.plan));`;
    const drilled = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO, env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE }, encoding: "utf8", timeout: 120_000,
    });
    expect(drilled).toMatch(/^[0-9a-f]{64}$/);
    for (const format of ["md", "html"]) {
      const doc = drill(["plan", "--program", program, "--stack", "dev", "--format", format], { env: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE } });
      expect(doc.code, doc.stderr).toBe(0);
      expect(doc.stdout).not.toContain(secret);
      expect(doc.stdout, format).toContain(drilled);
    }
  });
});
