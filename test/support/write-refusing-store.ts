// A ground truth for the write path that the harness does not make: an order
// store (order-store.ts) that answers reads as always but refuses every write
// (503) for exactly N ms once told to, timing the refusal window itself. Told
// through its own control port by the drill's `command` fault, so the outage
// is made outside the engine, and only on the write path: a drill that
// measured reads alone would see nothing.
import http from "node:http";
import type net from "node:net";
import { startOrderStore, type OrderStore } from "./order-store.ts";

export interface WriteRefusingStore {
  store: OrderStore;
  /** URL to POST to start a refusal window: `${controlUrl}/refuse?ms=N`. */
  controlUrl: string;
  /** Every refusal window, as the store timed it (performance.now(), ms). */
  windows: { from: number; until: number }[];
  stop(): Promise<void>;
}

export async function startWriteRefusingStore(): Promise<WriteRefusingStore> {
  const windows: { from: number; until: number }[] = [];
  const refusing = () => {
    const now = performance.now();
    return windows.some((w) => now >= w.from && now < w.until);
  };
  const store = await startOrderStore(() => (refusing() ? "fail" : "store"));
  const control = http.createServer((req, res) => {
    const m = /^\/refuse\?ms=(\d+)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !m) return res.writeHead(404).end();
    const from = performance.now();
    windows.push({ from, until: from + Number(m[1]) });
    res.writeHead(200).end("refusing");
  });
  await new Promise<void>((ok) => control.listen(0, "127.0.0.1", ok));
  const { port } = control.address() as net.AddressInfo;
  return {
    store, controlUrl: `http://127.0.0.1:${port}`, windows,
    async stop() {
      await store.stop();
      await new Promise<void>((ok) => control.close(() => ok()));
    },
  };
}

/** The same store in a child process of its own, so its clock is not the drill's. */
export async function forkWriteRefusingStore(): Promise<{ url: string; controlUrl: string; windows(): Promise<{ from: number; until: number }[]>; stop(): Promise<void> }> {
  const { fork } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const child = fork(fileURLToPath(new URL("./write-refusing-store-child.ts", import.meta.url)), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>() => new Promise<T>((ok, fail) => {
    child.once("message", (m) => ok(m as T));
    child.once("exit", (code) => fail(new Error(`write-refusing store exited (${code})`)));
  });
  const { url, controlUrl } = await next<{ url: string; controlUrl: string }>();
  return {
    url, controlUrl,
    async windows() {
      const reply = next<{ windows: { from: number; until: number }[] }>();
      child.send({ ask: "windows" });
      return (await reply).windows;
    },
    async stop() {
      const exited = new Promise((ok) => child.once("exit", ok));
      child.disconnect();
      await exited;
    },
  };
}
