// Real-TCP helpers for proxy tests: an echo server that counts its connections
// and a client that collects what it receives and how it ended.
import net from "node:net";

export interface EchoServer {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

export async function startEchoServer(): Promise<EchoServer> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TestClient {
  socket: net.Socket;
  received(): Buffer;
  /** The error code the socket ended with, or "closed" after a clean close. */
  ended(): string | undefined;
  waitFor(bytes: number, timeoutMs?: number): Promise<Buffer>;
  waitEnded(timeoutMs?: number): Promise<string>;
}

export async function connectClient(port: number): Promise<TestClient> {
  const socket = net.connect({ host: "127.0.0.1", port });
  const chunks: Buffer[] = [];
  let end: string | undefined;
  socket.on("data", (chunk) => chunks.push(chunk));
  socket.on("error", (error: NodeJS.ErrnoException) => (end ??= error.code ?? error.message));
  socket.on("close", () => (end ??= "closed"));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const received = () => Buffer.concat(chunks);
  return {
    socket,
    received,
    ended: () => end,
    waitFor: (bytes, timeoutMs = 5_000) =>
      poll(() => (received().length >= bytes ? received() : undefined), timeoutMs, `${bytes} bytes`),
    waitEnded: (timeoutMs = 5_000) => poll(() => end, timeoutMs, "the socket to end"),
  };
}

/** Polls `check` every 5 ms until it returns a value; bounded by `timeoutMs`. */
export async function poll<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
