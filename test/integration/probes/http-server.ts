// A local HTTP server whose behaviour a test switches while a probe runs.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Behaviour = "ok" | "hang" | "503" | "reset";

export interface TestServer {
  url: string;
  port: number;
  set(b: Behaviour): void;
  /** Open TCP connections right now. */
  connections(): number;
  requests(): number;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let behaviour: Behaviour = "ok";
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    requests++;
    if (behaviour === "hang") return; // never answer
    if (behaviour === "reset") return req.socket.resetAndDestroy();
    res.statusCode = behaviour === "503" ? 503 : 200;
    res.end("ok");
  });
  server.keepAliveTimeout = 10_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    port,
    set: (b) => (behaviour = b),
    connections: () => sockets.size,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
