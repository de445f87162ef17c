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

/** Bytes a client accepted during a partition may send before it is left to back up. */
const HELD_READ_LIMIT = 64 << 10;

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
    if (this.isHeld) return;
    this.isHeld = true;
    for (const pipe of this.pipes) pipe.hold();
    if (this.upstream) {
      this.client.pause();
      this.upstream.pause();
    } else {
      this.noticeGivingUp();
    }
  }

  /**
   * A client accepted during a partition has nothing upstream to keep in step
   * with, and clients that time out open new connections: a long partition at a
   * high request rate would otherwise pile up every dead socket here until the
   * heal (and then reset them all at once, stalling the heal). So notice when
   * such a client gives up (FIN or RST), reading — and dropping — at most
   * HELD_READ_LIMIT bytes of what it sends meanwhile; past that it stays paused
   * and its writes back up in the kernel, as they would in a real partition.
   */
  private noticeGivingUp(): void {
    let read = 0;
    this.client.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read >= HELD_READ_LIMIT) this.client.pause();
    });
    this.client.once("end", () => this.client.destroy());
    this.client.resume();
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
