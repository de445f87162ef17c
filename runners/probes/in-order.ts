// Requests finish out of order (a timeout lands `timeoutMs` after the request,
// later answers land sooner), but consumers — the journal, the streaming
// recovery tracker — want samples in send order. This buffer holds finished
// samples until every earlier one is finished. It never holds more than the
// requests in flight, because every request finishes within the probe timeout.
import type { ErrorClass, Sample } from "./sample.ts";

/** Details are kept on the first few samples of an error streak only, to keep journals small. */
const DETAILS_PER_STREAK = 3;

export class InOrder {
  private readonly held = new Map<number, Sample>();
  private next = 0;
  private streakError: ErrorClass | undefined;
  private streakLength = 0;

  constructor(private readonly deliver: (sample: Sample) => void) {}

  /** Samples delivered so far (= the next seq to deliver). */
  get delivered(): number {
    return this.next;
  }

  put(sample: Sample): void {
    // The usual case — the next expected sample finishing first — goes straight
    // through without the map: the load generator delivers thousands a second.
    if (sample.seq !== this.next) {
      this.held.set(sample.seq, sample);
      return;
    }
    this.next++;
    this.deliver(this.trimDetail(sample));
    for (let s = this.held.get(this.next); s; s = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.next++;
      this.deliver(this.trimDetail(s));
    }
  }

  private trimDetail(sample: Sample): Sample {
    if (sample.ok) {
      this.streakError = undefined;
      this.streakLength = 0;
      return sample;
    }
    this.streakLength = sample.error === this.streakError ? this.streakLength + 1 : 1;
    this.streakError = sample.error;
    if (this.streakLength <= DETAILS_PER_STREAK || sample.detail === undefined) return sample;
    const { detail: _dropped, ...rest } = sample;
    return rest;
  }
}
