// Reading a deployed stack's outputs through Pulumi's Automation API
// (LocalWorkspace.selectStack, then outputs()), which drives the Pulumi CLI.
// Where the CLI is missing, say so and how to get the plan instead. The CLI is
// whatever `pulumi` is on PATH; in this repository `bash scripts/pulumi-cli.sh`
// builds one from the Go module proxy and prints its folder.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { environmentError, inputError } from "../../core/errors.ts";

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
    throw inputError(`--stack-name: "${stackName}" is not a stack name (org/project/stack)`, { field: "--stack-name" });
  }
  if (!(await pulumiCliAvailable())) {
    throw environmentError(`--stack-name ${stackName}: reading a deployed stack needs the Pulumi CLI, which is not on PATH. ` +
        `Where it is installed, export the plan and pass the file instead:\n` +
        `  pulumi stack output continuityPlan --json --show-secrets --stack ${stackName} > plan.json\n` +
        `  drill plan --plan plan.json\n` +
        `(In a clone of continuity-drill, \`PATH="$(bash scripts/pulumi-cli.sh):$PATH"\` builds the CLI from source, about 25 min cold.)`);
  }
  // Loaded only here: the Automation API is large, and most commands never need it.
  const { LocalWorkspace } = await import("@pulumi/pulumi/automation/index.js");
  try {
    const stack = await LocalWorkspace.selectStack({ stackName, workDir });
    // Secrets are decrypted: a plan's endpoints may be marked secret by the program.
    const outputs = await stack.outputs();
    return Object.fromEntries(Object.entries(outputs).map(([key, output]) => [key, output.value]));
  } catch (error) {
    throw environmentError(`reading the outputs of stack ${stackName} (in ${workDir}) through the Pulumi Automation API failed: ${cliMessage(error)}`, {}, error);
  }
}

/** The CLI's own complaint (a CommandError carries it in commandResult.stderr), not the wrapper's dump. */
function cliMessage(error: unknown): string {
  const e = error as { commandResult?: { stderr?: unknown }; message?: string };
  const stderr = typeof e?.commandResult?.stderr === "string" ? e.commandResult.stderr.trim() : "";
  return (stderr || e?.message || String(error)).split("\n").slice(0, 5).join("\n");
}
