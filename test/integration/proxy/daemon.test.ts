// The proxy daemon as a separate process: modes set from this process through
// the control API change what clients of its proxies see.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyControl } from "../../../runners/proxy/proxy-client.ts";
import { connectClient, poll, startEchoServer, type EchoServer } from "./tcp-helpers.ts";

interface Ready {
  control: string;
  proxies: Record<string, { host: string; port: number }>;
}

let dir: string;
let echo: EchoServer;
let daemon: ChildProcess;
let ready: Ready;

function spawnDaemon(configFile: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "runners/proxy/proxy-daemon.ts", "--config", configFile], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function readyLine(child: ChildProcess): Promise<Ready> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("daemon not ready within 20 s")), 20_000);
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as Ready);
    });
    child.once("exit", (code) => reject(new Error(`daemon exited ${code} before ready`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "proxy-daemon-"));
  echo = await startEchoServer();
  const config = {
    control: { host: "127.0.0.1", port: 0 },
    proxies: [
      { name: "echo-a", listenPort: 0, upstreamHost: "127.0.0.1", upstreamPort: echo.port },
      { name: "echo-b", listenPort: 0, upstreamHost: "127.0.0.1", upstreamPort: echo.port },
    ],
  };
  await writeFile(join(dir, "config.json"), JSON.stringify(config));
  daemon = spawnDaemon(join(dir, "config.json"));
  ready = await readyLine(daemon);
});

afterAll(async () => {
  if (daemon.exitCode === null) daemon.kill("SIGTERM");
  await exited(daemon);
  await echo.close();
  await rm(dir, { recursive: true, force: true });
});

describe("proxy daemon", () => {
  it("lists its proxies in pass mode", async () => {
    const list = await proxyControl(ready.control).list();
    expect(list.map((p) => [p.name, p.mode.kind])).toEqual([
      ["echo-a", "pass"],
      ["echo-b", "pass"],
    ]);
  });

  it("sets a mode from another process and resets all back to pass", async () => {
    const control = proxyControl(ready.control);
    const port = ready.proxies["echo-a"]!.port;
    const status = await control.setMode("echo-a", { kind: "reset" });
    expect(status.mode).toEqual({ kind: "reset" });
    const refused = await connectClient(port).then((c) => c.waitEnded(), (e: NodeJS.ErrnoException) => e.code);
    expect(refused).toBe("ECONNRESET");

    await control.setMode("echo-b", { kind: "latency", delayMs: 30 });
    const all = await control.resetAll();
    expect(all.every((p) => p.mode.kind === "pass")).toBe(true);
    const client = await connectClient(port);
    client.socket.write("ok");
    expect((await client.waitFor(2)).toString()).toBe("ok");
    client.socket.destroy();
    expect((await control.list())[0]!.stats.accepted).toBe(2);
  });

  it("rejects unknown proxies and unknown mode kinds with the allowed values", async () => {
    const control = proxyControl(ready.control);
    await expect(control.setMode("nope", { kind: "pass" })).rejects.toThrow(/unknown proxy nope; known: echo-a, echo-b/);
    const res = await fetch(`${ready.control}/proxies/echo-a/mode`, {
      method: "PUT",
      body: JSON.stringify({ kind: "partition" }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/expected one of pass, blackhole, reset, latency/);
    const extra = await fetch(`${ready.control}/proxies/echo-a/mode`, {
      method: "PUT",
      body: JSON.stringify({ kind: "latency", delayMs: 5, spike: 1 }),
    });
    expect(extra.status).toBe(400);
  });

  it("stops on SIGTERM and frees every port", async () => {
    daemon.kill("SIGTERM");
    expect(await exited(daemon)).toBe(0);
    for (const { port } of Object.values(ready.proxies)) {
      const server = net.createServer();
      await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(proxyControl(ready.control, 1_000).list()).rejects.toThrow(/is not reachable.*is it running/);
  });
});

describe("proxy daemon config", () => {
  it("exits 2 naming the bad field", async () => {
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ control: { port: 0 }, proxies: [{ name: "x", listenPort: 0 }] }));
    const child = spawnDaemon(file);
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    expect(await exited(child)).toBe(2);
    await poll(() => (stderr ? true : undefined), 2_000, "stderr");
    expect(stderr).toMatch(/proxies\.0\.upstreamHost/);
  });
});
