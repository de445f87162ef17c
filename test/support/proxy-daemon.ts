// Our proxy daemon as a child process in front of given upstreams, for tests and
// benchmarks that need a fault in a client path without the local environment.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningDaemon {
  control: string;
  ports: Record<string, number>;
  stop(): Promise<void>;
}

export async function startProxyDaemon(upstreams: Record<string, number>): Promise<RunningDaemon> {
  const dir = mkdtempSync(join(tmpdir(), "proxy-daemon-"));
  const proxies = Object.entries(upstreams).map(([name, port]) => ({ name, listenPort: 0, upstreamHost: "127.0.0.1", upstreamPort: port }));
  writeFileSync(join(dir, "proxy.json"), JSON.stringify({ control: { host: "127.0.0.1", port: 0 }, proxies }));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "runners/proxy/proxy-daemon.ts", "--config", join(dir, "proxy.json")], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] });
  const ready = await new Promise<{ control: string; proxies: Record<string, { port: number }> }>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("proxy daemon not ready within 20 s")), 20_000);
    createInterface({ input: child.stdout! }).once("line", (l) => (clearTimeout(timer), ok(JSON.parse(l))));
    child.once("exit", (code) => fail(new Error(`proxy daemon exited ${code}`)));
  });
  return {
    control: ready.control,
    ports: Object.fromEntries(Object.entries(ready.proxies).map(([n, p]) => [n, p.port])),
    stop: async () => {
      if (child.exitCode === null) await new Promise<void>((ok) => (child.once("exit", () => ok()), child.kill("SIGTERM")));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
