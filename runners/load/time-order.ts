// k6 reports a request when it ends, so its samples arrive in completion
// order, not send order. Consumers of a timeline want send order: samples are
// held for `holdMs` after their send time and released sorted. A request slower
// than that arrives after later ones were released; it is delivered anyway,
// with its true time, and counted as `late` — its seq (delivery order) then
// runs ahead of its place in time.
import type { Sample } from "../probes/sample.ts";

export class TimeOrder {
  private held: Omit<Sample, "seq">[] = [];
  private seq = 0;
  private releasedUpTo = -Infinity;
  late = 0;

  constructor(
    private readonly holdMs: number,
    private readonly deliver: (s: Sample) => void,
  ) {}

  get delivered(): number {
    return this.seq;
  }

  put(sample: Omit<Sample, "seq">): void {
    if (sample.t < this.releasedUpTo) {
      this.late++;
      this.deliver({ seq: this.seq++, ...sample });
    } else this.held.push(sample);
  }

  /** Releases, in time order, every held sample sent at least holdMs before `now` (all with Infinity). */
  release(now: number): void {
    const upTo = now === Infinity ? Infinity : now - this.holdMs;
    if (this.held.length === 0) return void (this.releasedUpTo = Math.max(this.releasedUpTo, upTo));
    this.held.sort((a, b) => a.t - b.t);
    let n = 0;
    while (n < this.held.length && this.held[n]!.t <= upTo) n++;
    for (const s of this.held.slice(0, n)) this.deliver({ seq: this.seq++, ...s });
    this.held = this.held.slice(n);
    this.releasedUpTo = Math.max(this.releasedUpTo, upTo);
  }
}
