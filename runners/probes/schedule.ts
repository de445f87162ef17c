// Drift-free ticking for open-loop probes. Slot k is due at start + k × interval
// on the drill clock; each wake-up sends every slot that is due, so timer jitter
// never accumulates into drift and nothing waits for an answer.
//
// After an event-loop stall many slots are overdue at once. They are all sent,
// but at most `burst` per turn of the event loop, then the rest after a
// setImmediate: answers already waiting in socket buffers get read in between,
// instead of timing out behind a wall of new requests.
import type { Clock } from "../../core/clock.ts";

export class Schedule {
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private running = false;
  private startAt = 0;
  private next = 0;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly send: (seq: number, dueAt: number) => void,
    /** Most sends per turn of the event loop. */
    private readonly burst: number,
  ) {}

  start(): void {
    this.running = true;
    this.startAt = this.clock.now();
    this.tick();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
  }

  private dueAt(seq: number): number {
    return this.startAt + seq * this.intervalMs;
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    this.immediate = undefined;
    if (!this.running) return;
    const now = this.clock.now();
    for (let sent = 0; this.dueAt(this.next) <= now; sent++) {
      if (sent === this.burst) {
        this.immediate = setImmediate(this.tick);
        return;
      }
      const seq = this.next++;
      this.send(seq, this.dueAt(seq));
      if (!this.running) return; // send may stop the probe
    }
    this.timer = setTimeout(this.tick, Math.max(0, this.dueAt(this.next) - this.clock.now()));
  };
}
