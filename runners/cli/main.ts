// `drill`: the process entry. The command tree is in main-command.ts; the edge
// (errors, exit codes) in edge.ts.
import { runCli } from "./edge.ts";
import { main, version } from "./main-command.ts";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${version}\n`);
} else {
  const code = await runCli(main, argv);
  // The command is done and its output written (pipes and files are synchronous
  // on Linux). A client library's idle timer or a pool still draining must not
  // keep a finished drill alive, so the process ends here, at the edge.
  if (argv.includes("--debug")) {
    const handles = (process as unknown as { _getActiveHandles(): { constructor: { name: string } }[] })._getActiveHandles();
    process.stderr.write(`[debug] exiting ${code} with ${handles.length} active handle(s): ${handles.map((h) => h.constructor.name).join(", ")}\n`);
  }
  process.exit(code);
}
