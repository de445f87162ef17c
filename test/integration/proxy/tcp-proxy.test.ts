// pass mode and the proxy's lifecycle, over real TCP on ephemeral ports.
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../../../runners/proxy/tcp-proxy.ts";
import { connectClient, poll, startEchoServer, type EchoServer } from "./tcp-helpers.ts";

let echo: EchoServer;
let proxy: TcpProxy;

beforeEach(async () => {
  echo = await startEchoServer();
  proxy = await startTcpProxy({ upstreamHost: "127.0.0.1", upstreamPort: echo.port, name: "echo" });
});
afterEach(async () => {
  await proxy.close();
  await echo.close();
});

describe("tcp proxy, pass mode", () => {
  it("echoes through the proxy and counts bytes each way", async () => {
    const client = await connectClient(proxy.listen.port);
    client.socket.write("hello");
    expect((await client.waitFor(5)).toString()).toBe("hello");
    expect(proxy.stats()).toMatchObject({ accepted: 1, active: 1, bytesIn: 5, bytesOut: 5 });
    expect(proxy.mode()).toEqual({ kind: "pass" });
    client.socket.destroy();
  });

  it("carries 8 MiB intact both ways (backpressure, no loss, no reordering)", async () => {
    const payload = Buffer.alloc(8 << 20);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) & 0xff;
    const client = await connectClient(proxy.listen.port);
    client.socket.write(payload);
    const back = await client.waitFor(payload.length, 20_000);
    expect(back.equals(payload)).toBe(true);
    client.socket.destroy();
  });

  it("propagates a half-close and forgets the connection once both sides closed", async () => {
    const client = await connectClient(proxy.listen.port);
    client.socket.end("bye");
    expect(await client.waitEnded()).toBe("closed");
    expect(client.received().toString()).toBe("bye");
    await poll(() => (proxy.stats().active === 0 ? true : undefined), 2_000, "no active links");
  });

  it("resets the client when the upstream refuses", async () => {
    await echo.close();
    const client = await connectClient(proxy.listen.port);
    expect(await client.waitEnded()).toMatch(/ECONNRESET|closed/);
  });

  it("frees its port on close", async () => {
    const port = proxy.listen.port;
    await proxy.close();
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });

  it("refuses to listen on a non-loopback address", async () => {
    await expect(
      startTcpProxy({ listenHost: "0.0.0.0", upstreamHost: "127.0.0.1", upstreamPort: echo.port }),
    ).rejects.toThrow(/only loopback/);
  });

  it("rejects an unknown mode kind with the allowed list", () => {
    expect(() => proxy.setMode({ kind: "drop" } as never)).toThrow(/pass, blackhole, reset, latency/);
  });
});
