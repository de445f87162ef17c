// The real CLI edge (argument checks, commands, error mapping, exit codes) run
// in this process with stdout/stderr captured: fast enough to fuzz thousands of
// inputs. Commands that start services are not for this; the fuzz suites only
// call commands that read files.
import { runCli } from "../../runners/cli/edge.ts";
import { main } from "../../runners/cli/main-command.ts";

/** `root`: the whole CLI by default, or a command tree of a few subcommands (loads less). */
export async function cliInProcess(argv: string[], root: Parameters<typeof runCli>[0] = main): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await runCli(root, argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = before;
  }
}
