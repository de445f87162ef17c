// A stand-in for the web app's order API for ledger tests and the bench: a map
// behind HTTP whose behaviour per write (its fate) is chosen by the test, so
// the test knows exactly which writes were acknowledged, lost, left hanging or
// corrupted — the ground truth reconciliation is checked against.
import http from "node:http";
import net from "node:net";

/** What the stand-in order store does with one write (the test's ground truth). */
export type Fate =
  | "store" // store it, answer 201
  | "drop" // answer 201 but keep nothing: acknowledged, then lost
  | "hang" // store it, never answer: lands unacknowledged
  | "corrupt" // store an altered payload, answer 201
  | "fail"; // keep nothing, answer 503

export interface OrderStore {
  port: number;
  url: string;
  stop(): Promise<void>;
  orders: Map<string, string>;
  /** Seqs whose POST reached the store, whatever their fate: with the fate, the ground truth. */
  received: Set<number>;
}

/** Whether a write of this fate leaves a record behind once it reached the store. */
export const lands = (fate: Fate) => fate === "store" || fate === "hang" || fate === "corrupt";

/** The web app's order API, reduced to a map; `fate` picks a behaviour per seq (from the ref's suffix). */
export async function startOrderStore(fate: (seq: number) => Fate = () => "store"): Promise<OrderStore> {
  const orders = new Map<string, string>();
  const received = new Set<number>();
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString(), { orders, received, fate }));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy(); // including the hung requests
      server.close(() => resolve());
    });
  return { port, url: `http://127.0.0.1:${port}`, orders, received, stop };
}

interface StoreState {
  orders: Map<string, string>;
  received: Set<number>;
  fate: (seq: number) => Fate;
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string, { orders, received, fate }: StoreState) {
  const get = /^\/orders\/([^/]+)$/.exec(req.url ?? "");
  if (req.method === "GET" && get) {
    const payload = orders.get(decodeURIComponent(get[1]!));
    if (payload === undefined) return res.writeHead(404).end();
    return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ payload }));
  }
  if (req.method !== "POST" || req.url !== "/orders") return res.writeHead(404).end();
  const { ref, payload } = JSON.parse(body) as { ref: string; payload: string };
  const seq = Number(ref.slice(ref.lastIndexOf("-") + 1));
  received.add(seq);
  const what = fate(seq);
  if (what === "store" || what === "hang") orders.set(ref, payload);
  if (what === "corrupt") orders.set(ref, `${payload.slice(0, -1)}!`);
  if (what === "hang") return; // never answered
  res.writeHead(what === "fail" ? 503 : 201).end();
}
