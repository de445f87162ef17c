// `drill`: the process entry. The command tree is in main-command.ts; the edge
// (errors, exit codes) in edge.ts.
import { runCli } from "./edge.ts";
import { main, version } from "./main-command.ts";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${version}\n`);
} else {
  process.exitCode = await runCli(main, argv);
}
