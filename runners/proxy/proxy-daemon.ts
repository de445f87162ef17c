// Entry point of the proxy daemon:
//   node --import tsx runners/proxy/proxy-daemon.ts --config FILE
// This is a process edge like the CLI: it prints one JSON "ready" line on stdout
// (with the ports actually bound, for configs that ask for port 0), logs errors
// on stderr and exits 0 on SIGTERM/SIGINT after closing every proxy, 2 on a bad
// config, 3 when it cannot start.
import { parseArgs } from "node:util";
import { exitCodeOf, messageOf, inputError } from "../../core/errors.ts";
import { readDaemonConfig } from "./daemon-config.ts";
import { startProxyDaemon } from "./daemon.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: "string" } }, strict: true });
  if (!values.config) throw inputError("usage: proxy-daemon.ts --config FILE");
  const daemon = await startProxyDaemon(await readDaemonConfig(values.config));
  const proxies = Object.fromEntries([...daemon.proxies].map(([name, p]) => [name, p.listen]));
  process.stdout.write(`${JSON.stringify({ event: "ready", pid: process.pid, control: daemon.controlUrl, proxies })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    daemon.close().then(
      () => process.exit(0),
      () => process.exit(3),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`proxy daemon: ${messageOf(error)}\n`);
  process.exit(exitCodeOf(error));
});
