// A free TCP port on 127.0.0.1 for servers that cannot bind port 0 themselves
// (redis-server and postgres take a fixed port). The kernel picks it; the ports
// the local drill environment reserves are skipped so tests never collide with it.
import net from "node:net";

const RESERVED: [number, number][] = [
  [15430, 15432],
  [16379, 16392],
  [18080, 18089],
];

function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await kernelPort();
    if (!RESERVED.some(([lo, hi]) => port >= lo && port <= hi)) return port;
  }
  throw new Error("no free port outside the reserved ranges after 20 attempts");
}

/** Resolves once something accepts connections on 127.0.0.1:port (bounded). */
export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port }, () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listening on 127.0.0.1:${port} after ${timeoutMs} ms`);
}
