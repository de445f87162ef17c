// The real Pulumi CLI, as scripts/pulumi-cli.sh builds it (or finds it in
// .cache/pulumi/), and an environment that keeps everything it writes in one
// temp dir: a file backend (no Pulumi service), its own PULUMI_HOME, a
// passphrase secrets provider, no update check and no plugin downloads.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

export interface PulumiSandbox {
  /** Folder holding `pulumi` (and `pulumi-language-nodejs` when it built). */
  bin: string;
  dir: string;
  /** Variables for the CLI and for anything that drives it (drill, the Automation API). */
  env: Record<string, string>;
  hasNodejsHost: boolean;
}

/** Builds the CLI on first use (cold: many minutes; the test suite's script builds it first). */
export function pulumiBin(): string {
  return execFileSync("bash", [join(ROOT, "scripts", "pulumi-cli.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 3_000_000 }).trim();
}

export function pulumiSandbox(): PulumiSandbox {
  const bin = pulumiBin();
  const dir = mkdtempSync(join(tmpdir(), "drill-pulumi-"));
  return {
    bin,
    dir,
    hasNodejsHost: existsSync(join(bin, "pulumi-language-nodejs")),
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      PULUMI_BACKEND_URL: `file://${join(dir, "state")}`,
      PULUMI_HOME: join(dir, "home"),
      PULUMI_CONFIG_PASSPHRASE: "continuity-drill-test",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
    },
  };
}
