// A user-space TCP proxy whose behaviour can be switched at run time (pass,
// blackhole, reset, latency). The kernel here has no netem, so latency and
// partitions on a client's path to a service come from putting this in between.
// Leaving blackhole for any other mode destroys (RST) the connections held during
// the partition, as a real partition heals with dead sessions: see
// toxics/blackhole.ts. Modes change only through setMode; nothing here times out.
import net from "node:net";
import { environmentError } from "../../core/errors.ts";
import { Link, type Endpoint, type LinkContext } from "./link.ts";
import { parseProxyMode, type ProxyMode } from "./mode.ts";
import { toxicFor, type Toxic } from "./toxics/index.ts";

export type { ProxyMode } from "./mode.ts";

export interface TcpProxyOptions {
  /** Loopback only; anything else is refused. */
  listenHost?: string;
  /** 0 picks a free port. */
  listenPort?: number;
  upstreamHost: string;
  upstreamPort: number;
  name?: string;
}

export interface ProxyStats {
  accepted: number;
  active: number;
  /** Bytes forwarded client → upstream. */
  bytesIn: number;
  /** Bytes forwarded upstream → client. */
  bytesOut: number;
}

export interface TcpProxy {
  listen: Endpoint;
  upstream: Endpoint;
  setMode(mode: ProxyMode): void;
  mode(): ProxyMode;
  stats(): ProxyStats;
  close(): Promise<void>;
}

export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  const { listenHost = "127.0.0.1", listenPort = 0, name = "proxy" } = options;
  assertLoopback(listenHost, name);
  const upstream = { host: options.upstreamHost, port: options.upstreamPort };
  const links = new Set<Link>();
  const counters = { accepted: 0, bytesIn: 0, bytesOut: 0 };
  let mode: ProxyMode = { kind: "pass" };
  let toxic: Toxic = toxicFor(mode);

  const ctx: LinkContext = {
    upstream,
    delayMs: () => toxic.delayMs(),
    forwarded: (direction, bytes) => {
      if (direction === "in") counters.bytesIn += bytes;
      else counters.bytesOut += bytes;
    },
    gone: (link) => links.delete(link),
  };
  // Paused on connect so no byte is read before the current toxic decides.
  const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, (socket) => {
    counters.accepted++;
    const link = new Link(socket, ctx);
    links.add(link);
    toxic.accept(link);
  });
  const port = await listen(server, listenHost, listenPort, name);

  return {
    listen: { host: listenHost, port },
    upstream,
    mode: () => structuredClone(mode),
    setMode(next) {
      const valid = parseProxyMode(next, `${name} mode`);
      if (valid.kind !== mode.kind) toxic.leave(links);
      mode = valid;
      toxic = toxicFor(valid);
      toxic.enter(links);
    },
    stats: () => ({ ...counters, active: links.size }),
    close: () => closeServer(server, links),
  };
}

/** 127.0.0.0/8, ::1 or "localhost": a fault proxy must never face a network. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function assertLoopback(host: string, name: string): void {
  if (!isLoopback(host)) {
    throw environmentError(`proxy ${name}: refusing to listen on ${host}; only loopback addresses are allowed`);
  }
}

function listen(server: net.Server, host: string, port: number, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(environmentError(`proxy ${name}: cannot listen on ${host}:${port}: ${error.message}`, {}, error)),
    );
    server.listen({ host, port, exclusive: true }, () => resolve((server.address() as net.AddressInfo).port));
  });
}

async function closeServer(server: net.Server, links: Set<Link>): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const link of [...links]) link.destroy();
  await closed;
}
