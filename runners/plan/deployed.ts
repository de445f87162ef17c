// Reading a deployed stack's outputs needs the Pulumi CLI (the Automation API
// drives it too). Where it is missing, say so and how to get the plan instead.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { InputError, RunError } from "../errors.ts";

const run = promisify(execFile);

export async function pulumiCliAvailable(): Promise<boolean> {
  try {
    await run("pulumi", ["version"], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export async function deployedStackOutputs(stackName: string, workDir: string): Promise<Record<string, unknown>> {
  if (!/^[\w.-]+(\/[\w.-]+){0,2}$/.test(stackName)) {
    throw new InputError(`--stack-name: "${stackName}" is not a stack name (org/project/stack)`);
  }
  if (!(await pulumiCliAvailable())) {
    throw new RunError(
      `--stack-name ${stackName}: reading a deployed stack needs the Pulumi CLI, which is not on PATH. ` +
        `Where it is installed, export the plan and pass the file instead:\n` +
        `  pulumi stack output continuityPlan --json --show-secrets --stack ${stackName} > plan.json\n` +
        `  drill plan --plan plan.json`,
    );
  }
  try {
    const { stdout } = await run("pulumi", ["stack", "output", "--json", "--show-secrets", "--stack", stackName], {
      cwd: workDir,
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as Record<string, unknown>;
  } catch (error) {
    throw new RunError(`pulumi stack output --stack ${stackName} failed: ${(error as Error).message}`, { cause: error });
  }
}
