// Requests finish out of order; the timeline wants them in send order. Like
// the probes' InOrder (runners/probes/in-order.ts), but with a fast path for
// the usual case — the next expected sample arriving first goes straight
// through, no map — because the load generator runs at thousands of samples a
// second. It holds at most the requests in flight. Details are kept on the
// first few samples of an error streak only, to keep journals small.
import type { ErrorClass, Sample } from "../probes/sample.ts";

const DETAILS_PER_STREAK = 3;

export class InSeq {
  private readonly held = new Map<number, Sample>();
  private next = 0;
  private streakError: ErrorClass | undefined;
  private streak = 0;

  constructor(private readonly deliver: (sample: Sample) => void) {}

  /** Samples delivered so far (= the next seq to deliver). */
  get delivered(): number {
    return this.next;
  }

  put(sample: Sample): void {
    if (sample.seq !== this.next) {
      this.held.set(sample.seq, sample);
      return;
    }
    this.emit(sample);
    if (this.held.size === 0) return;
    for (let s = this.held.get(this.next); s; s = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.emit(s);
    }
  }

  private emit(sample: Sample): void {
    this.next++;
    if (sample.ok) {
      this.streak = 0;
      this.streakError = undefined;
    } else {
      this.streak = sample.error === this.streakError ? this.streak + 1 : 1;
      this.streakError = sample.error;
      if (this.streak > DETAILS_PER_STREAK && sample.detail !== undefined) delete sample.detail;
    }
    this.deliver(sample);
  }
}
