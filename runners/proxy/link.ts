// One client connection through the proxy and, once connected, its upstream
// twin. A link is either forwarding (two Pipes), held (blackhole: nothing moves
// either way, both sockets stay open) or gone. Toxics decide which.
import net, { type Socket } from "node:net";
import { Pipe } from "./pipe.ts";

export interface Endpoint {
  host: string;
  port: number;
}

/** What a link needs from its proxy: where to connect, the current delay, counters. */
export interface LinkContext {
  upstream: Endpoint;
  /** Delay for a chunk arriving now, from the proxy's current mode. */
  delayMs(): number;
  forwarded(direction: "in" | "out", bytes: number): void;
  gone(link: Link): void;
}

export class Link {
  private upstream: Socket | undefined;
  private pipes: Pipe[] = [];
  private isHeld = false;
  private isGone = false;

  constructor(
    readonly client: Socket,
    private readonly ctx: LinkContext,
  ) {
    client.setNoDelay(true);
    client.on("error", (error) => this.failed(error, this.upstream));
    client.on("close", () => this.sideClosed());
  }

  get held(): boolean {
    return this.isHeld;
  }

  /** Opens the upstream connection and starts forwarding both ways. */
  connect(): void {
    const { client, ctx } = this;
    const upstream = net.connect({ ...ctx.upstream, allowHalfOpen: true, noDelay: true });
    this.upstream = upstream;
    upstream.on("error", (error) => this.failed(error, client));
    upstream.on("close", () => this.sideClosed());
    const inbound = new Pipe(client, upstream, (n) => ctx.forwarded("in", n));
    const outbound = new Pipe(upstream, client, (n) => ctx.forwarded("out", n));
    this.pipes = [inbound, outbound];
    client.on("data", (chunk: Buffer) => inbound.push(chunk, ctx.delayMs()));
    client.on("end", () => inbound.push(null, ctx.delayMs()));
    upstream.on("data", (chunk: Buffer) => outbound.push(chunk, ctx.delayMs()));
    upstream.on("end", () => outbound.push(null, ctx.delayMs()));
    client.resume(); // the server pauses new sockets until a toxic decides
  }

  /** Partition: stop forwarding in both directions and hold both sockets open. */
  hold(): void {
    this.isHeld = true;
    for (const pipe of this.pipes) pipe.hold();
    this.client.pause();
    this.upstream?.pause();
  }

  /** Aborts both sides with a TCP RST, as a peer that forgot the session would. */
  reset(): void {
    for (const pipe of this.pipes) pipe.dispose();
    rst(this.client);
    if (this.upstream) rst(this.upstream);
  }

  /** Closes both sides without ceremony (proxy shutdown). */
  destroy(): void {
    for (const pipe of this.pipes) pipe.dispose();
    this.client.destroy();
    this.upstream?.destroy();
  }

  /** An error on one side aborts the other, so the peer sees a failure, not a clean close. */
  private failed(_error: Error, other: Socket | undefined): void {
    if (this.isHeld) return; // a partition does not carry news across
    if (other) rst(other);
  }

  /** The link is gone once every socket it opened has closed. */
  private sideClosed(): void {
    if (this.isGone || !this.client.destroyed) return;
    if (this.upstream && !this.upstream.destroyed) return;
    this.isGone = true;
    for (const pipe of this.pipes) pipe.dispose();
    this.ctx.gone(this);
  }
}

/** RST when the socket is connected; a plain destroy while it is still connecting. */
export function rst(socket: Socket): void {
  if (socket.destroyed) return;
  if (socket.connecting) socket.destroy();
  else socket.resetAndDestroy();
}
