// One direction of a proxied connection. Chunks from `source` reach `dest` in
// the order they arrived, each no earlier than its due time; a chunk is never
// due before the one ahead of it, so jitter delays but never reorders.
//
// Backpressure: the source is paused while the destination has not drained or
// while more than HIGH_WATER bytes wait for their due time (latency mode), so a
// slow reader slows the writer as it would without the proxy.
import type { Socket } from "node:net";

const HIGH_WATER = 1 << 20;

interface Item {
  due: number;
  /** null marks the end of the source (its FIN), forwarded in order. */
  chunk: Buffer | null;
}

export class Pipe {
  private queue: Item[] = [];
  private head = 0;
  private queuedBytes = 0;
  private lastDue = 0;
  private timer: NodeJS.Timeout | undefined;
  private waitingDrain = false;
  private held = false;
  private ended = false;

  constructor(
    private readonly source: Socket,
    private readonly dest: Socket,
    private readonly onForwarded: (bytes: number) => void,
  ) {}

  /** Queues a chunk (or the end, with null) to be written after `delayMs`. */
  push(chunk: Buffer | null, delayMs: number): void {
    if (this.ended) return;
    if (chunk === null) this.ended = true;
    const due = Math.max(performance.now() + delayMs, this.lastDue);
    this.lastDue = due;
    this.queue.push({ due, chunk });
    if (chunk) this.queuedBytes += chunk.length;
    this.pump();
  }

  /** Stops forwarding for good: nothing queued or arriving later is written. */
  hold(): void {
    this.held = true;
    clearTimeout(this.timer);
    this.source.pause();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.queue = [];
    this.head = 0;
  }

  private readonly pump = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.held || this.waitingDrain || this.dest.destroyed) return this.throttle();
    const now = performance.now();
    while (this.head < this.queue.length) {
      const item = this.queue[this.head]!;
      if (item.due > now) {
        this.timer = setTimeout(this.pump, item.due - now);
        break;
      }
      this.head++;
      if (!this.write(item.chunk)) break;
    }
    this.compact();
    this.throttle();
  };

  /** Writes one item; false when the destination asked us to wait for 'drain'. */
  private write(chunk: Buffer | null): boolean {
    if (chunk === null) {
      this.dest.end();
      return true;
    }
    this.queuedBytes -= chunk.length;
    this.onForwarded(chunk.length);
    if (this.dest.write(chunk)) return true;
    this.waitingDrain = true;
    this.dest.once("drain", () => {
      this.waitingDrain = false;
      this.pump();
    });
    return false;
  }

  private compact(): void {
    if (this.head > 1024 || this.head === this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private throttle(): void {
    const full = this.held || this.waitingDrain || this.queuedBytes > HIGH_WATER;
    if (full) this.source.pause();
    else if (!this.ended && !this.source.destroyed) this.source.resume();
  }
}
