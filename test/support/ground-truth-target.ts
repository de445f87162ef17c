// The far side of a ground-truth outage, run as a child process: a plain HTTP
// server behind our TCP proxy. Kept out of the measuring process so the probe's
// event loop (whose lag is part of what is measured) carries only the probe.
// Controlled over the IPC channel: {mode: "blackhole" | "pass"} → {ok: true}.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startTcpProxy } from "../../runners/proxy/tcp-proxy.ts";

export interface TargetMessage {
  mode: "blackhole" | "pass";
}

async function main(): Promise<void> {
  const server = http.createServer((_req, res) => res.end("ok"));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen({ host: "127.0.0.1", port: 0 }, r));
  const upstreamPort = (server.address() as AddressInfo).port;
  const proxy = await startTcpProxy({ upstreamHost: "127.0.0.1", upstreamPort, name: "ground-truth" });
  process.on("message", (message: TargetMessage) => {
    proxy.setMode({ kind: message.mode });
    process.send!({ ok: true });
  });
  // The parent going away (even killed) ends us: the IPC channel closes.
  process.on("disconnect", () => {
    void proxy.close().finally(() => {
      server.closeAllConnections();
      server.close();
    });
  });
  process.send!({ port: proxy.listen.port });
}

void main();
