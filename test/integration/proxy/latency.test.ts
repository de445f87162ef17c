// latency: each direction is delayed by at least the configured delay, and
// jitter never reorders bytes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../../../runners/proxy/tcp-proxy.ts";
import { connectClient, sleep, startEchoServer, type EchoServer } from "./tcp-helpers.ts";

let echo: EchoServer;
let proxy: TcpProxy;

beforeEach(async () => {
  echo = await startEchoServer();
  proxy = await startTcpProxy({ upstreamHost: "127.0.0.1", upstreamPort: echo.port });
});
afterEach(async () => {
  await proxy.close();
  await echo.close();
});

describe("latency", () => {
  it("adds at least the delay in each direction", async () => {
    proxy.setMode({ kind: "latency", delayMs: 60 });
    const client = await connectClient(proxy.listen.port);
    for (let i = 1; i <= 5; i++) {
      const started = performance.now();
      client.socket.write("p");
      await client.waitFor(i);
      const rtt = performance.now() - started;
      expect(rtt).toBeGreaterThanOrEqual(120); // 60 ms out + 60 ms back
      expect(rtt).toBeLessThan(400);
    }
    client.socket.destroy();
  });

  it("keeps order under heavy jitter", async () => {
    proxy.setMode({ kind: "latency", delayMs: 20, jitterMs: 20 });
    const client = await connectClient(proxy.listen.port);
    const lines = Array.from({ length: 300 }, (_, i) => `${i};`);
    for (const line of lines) {
      client.socket.write(line);
      if (Number(line.slice(0, -1)) % 10 === 0) await sleep(1); // separate chunks
    }
    const expected = lines.join("");
    expect((await client.waitFor(expected.length, 10_000)).toString()).toBe(expected);
    client.socket.destroy();
  });

  it("returning to pass delivers what was queued before anything newer", async () => {
    proxy.setMode({ kind: "latency", delayMs: 150 });
    const client = await connectClient(proxy.listen.port);
    client.socket.write("first;");
    await sleep(20);
    proxy.setMode({ kind: "pass" });
    client.socket.write("second;");
    expect((await client.waitFor(13)).toString()).toBe("first;second;");
    client.socket.destroy();
  });
});
