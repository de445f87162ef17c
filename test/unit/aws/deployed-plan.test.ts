// Plans from deployed stacks through the Automation API, against a stand-in
// `pulumi` executable that answers as the CLI does (no Pulumi service, no
// cloud): which commands are run, what comes back, how failures read.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deployedStackOutputs } from "../../../runners/plan/deployed.ts";
import { REPO_ROOT } from "../../../runners/plan/load.ts";

const FAKE_PULUMI = `#!/bin/sh
echo "$@" >> "$FAKE_PULUMI_LOG"
case "$1 $2" in
  "version "*) echo "v3.248.0" ;;
  "stack select") if [ "$4" = "acme/continuity-drill/gone" ]; then echo "error: no stack named 'acme/continuity-drill/gone' found" >&2; exit 255; fi ;;
  "stack output") case "$*" in *--show-secrets*) cat "$FAKE_PULUMI_OUTPUTS" ;; *) sed 's/"s3cret"/"[secret]"/' "$FAKE_PULUMI_OUTPUTS" ;; esac ;;
esac
`;

let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
  writeFileSync(join(dir, "pulumi"), FAKE_PULUMI);
  chmodSync(join(dir, "pulumi"), 0o755);
  writeFileSync(join(dir, "outputs.json"), JSON.stringify({ continuityPlan: { version: 1, stack: "aws" }, dbPassword: "s3cret" }));
  Object.assign(process.env, { PATH: `${dir}:${process.env.PATH}`, FAKE_PULUMI_LOG: join(dir, "calls.log"), FAKE_PULUMI_OUTPUTS: join(dir, "outputs.json") });
});
afterEach(() => {
  process.env = { ...saved };
});

describe("deployedStackOutputs through the Automation API", () => {
  it("selects the stack in the project directory and returns its outputs, secrets decrypted", async () => {
    const outputs = await deployedStackOutputs("acme/continuity-drill/aws", REPO_ROOT);
    expect(outputs).toEqual({ continuityPlan: { version: 1, stack: "aws" }, dbPassword: "s3cret" });
    const calls = readFileSync(join(dir, "calls.log"), "utf8");
    expect(calls).toContain("stack select --stack acme/continuity-drill/aws");
    expect(calls).toContain("stack output --json --show-secrets --stack acme/continuity-drill/aws");
  });

  it("says which stack could not be read, with the CLI's reason", async () => {
    await expect(deployedStackOutputs("acme/continuity-drill/gone", REPO_ROOT)).rejects.toMatchObject({
      kind: expect.stringMatching(/^(environment|fault)$/),
      message: expect.stringMatching(/outputs of stack acme\/continuity-drill\/gone .*failed: .*no stack named 'acme\/continuity-drill\/gone' found/s),
    });
  });

  it("without the CLI on PATH, explains how to export the plan instead", async () => {
    process.env.PATH = "/nonexistent";
    await expect(deployedStackOutputs("acme/continuity-drill/aws", REPO_ROOT)).rejects.toThrow(
      "pulumi stack output continuityPlan --json --show-secrets --stack acme/continuity-drill/aws > plan.json",
    );
  });

  it("rejects what is not a stack name as input", async () => {
    await expect(deployedStackOutputs("acme/x/y/z", REPO_ROOT)).rejects.toMatchObject({ kind: "input" });
  });
});
