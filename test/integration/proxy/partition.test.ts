// blackhole and reset: what a client sees during a partition and after it heals.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../../../runners/proxy/tcp-proxy.ts";
import { connectClient, poll, sleep, startEchoServer, type EchoServer } from "./tcp-helpers.ts";

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

describe("blackhole", () => {
  it("silences existing and new connections, and healing destroys the held ones", async () => {
    const existing = await connectClient(proxy.listen.port);
    existing.socket.write("a");
    await existing.waitFor(1);
    proxy.setMode({ kind: "blackhole" });

    existing.socket.write("b");
    const fresh = await connectClient(proxy.listen.port); // accepted by the proxy...
    fresh.socket.write("c");
    await sleep(300);
    expect(existing.received().toString()).toBe("a"); // ...but nothing comes back
    expect(fresh.received().length).toBe(0);
    expect(existing.ended()).toBeUndefined();
    expect(fresh.ended()).toBeUndefined();
    expect(echo.connections()).toBe(1); // and nothing was connected upstream

    proxy.setMode({ kind: "pass" });
    expect(await existing.waitEnded()).toBe("ECONNRESET");
    expect(await fresh.waitEnded()).toBe("ECONNRESET");
    await poll(() => (proxy.stats().active === 0 ? true : undefined), 2_000, "held links gone");

    const after = await connectClient(proxy.listen.port);
    after.socket.write("d");
    expect((await after.waitFor(1)).toString()).toBe("d");
    after.socket.destroy();
  });

  it("lets go of clients that give up during the partition, so a long one does not pile up sockets", async () => {
    proxy.setMode({ kind: "blackhole" });
    const clients = await Promise.all(Array.from({ length: 20 }, () => connectClient(proxy.listen.port)));
    for (const client of clients) client.socket.write("GET / HTTP/1.1\r\n\r\n");
    await poll(() => (proxy.stats().active === 20 ? true : undefined), 2_000, "all held");
    for (const [i, client] of clients.entries()) if (i % 2) client.socket.end();
    else client.socket.resetAndDestroy();
    await poll(() => (proxy.stats().active === 0 ? true : undefined), 2_000, "given-up clients released");
    expect(echo.connections()).toBe(0);
    expect(proxy.stats().bytesIn).toBe(0);
  });

  it("holds a connection that keeps writing without buffering it in the proxy", async () => {
    const client = await connectClient(proxy.listen.port);
    proxy.setMode({ kind: "blackhole" });
    const chunk = Buffer.alloc(64 << 10);
    for (let i = 0; i < 256; i++) if (!client.socket.write(chunk)) break; // stops at the kernel's buffers
    await sleep(100);
    expect(proxy.stats().bytesIn).toBe(0);
    proxy.setMode({ kind: "latency", delayMs: 1 }); // leaving blackhole for any mode heals
    expect(await client.waitEnded()).toBe("ECONNRESET");
  });
});

describe("reset", () => {
  it("aborts existing connections and new ones with ECONNRESET", async () => {
    const existing = await connectClient(proxy.listen.port);
    existing.socket.write("x");
    await existing.waitFor(1);
    proxy.setMode({ kind: "reset" });
    expect(await existing.waitEnded()).toBe("ECONNRESET");

    // The RST may beat the client's own 'connect' event; either way it is a reset.
    const fresh = await connectClient(proxy.listen.port).then(
      (client) => client.waitEnded(),
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(fresh).toBe("ECONNRESET");

    proxy.setMode({ kind: "pass" });
    const after = await connectClient(proxy.listen.port);
    after.socket.write("y");
    expect((await after.waitFor(1)).toString()).toBe("y");
    after.socket.destroy();
  });
});
