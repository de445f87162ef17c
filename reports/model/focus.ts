// A closer view around the fault for long drills: in an hour-long chart a
// seven-second outage is two pixels wide and the RTO line sits next to t0. The
// window is known only once the fault takes effect, so the most recent records
// are kept in a bounded ring until then and replayed into the window's series.
import type { DrillStartedT, SampleRecordT, SummaryT, WriteRecordT } from "../../journal/format.ts";
import { SeriesSet, type SeriesView } from "./series-set.ts";

type Timed = SampleRecordT | WriteRecordT;
const RING_CAP = 200_000;

export interface FocusView extends SeriesView {
  domain: [number, number];
}

/** How far before and after t0 the close view reaches, from what the plan and scenario say. */
export function focusSpan(started: DrillStartedT): { before: number; after: number } {
  const o = started.objectivesMs;
  const w = started.windowsMs;
  const before = Math.min(Math.max(10_000, (o.rpo ?? 0) * 1.5), 600_000);
  const after = Math.min(Math.max(20_000, (o.rto ?? 0) * 1.5, w.observeTimeout + w.stableFor), 1_800_000);
  return { before, after };
}

export class FocusCollector {
  private ring: Timed[] = [];
  private head = 0;
  private window?: [number, number];
  private set?: SeriesSet;
  private readonly span: { before: number; after: number };

  constructor(private readonly started: DrillStartedT) {
    this.span = focusSpan(started);
  }

  /** The fault took effect at t0: open the window and replay what came before. */
  open(t0: number): void {
    if (this.window) return;
    this.window = [t0 - this.span.before, t0 + this.span.after];
    this.set = new SeriesSet(this.started);
    for (let i = this.head; i < this.ring.length; i++) this.add(this.ring[i]!);
    this.ring = [];
  }

  add(r: Timed): void {
    if (!this.window) return this.remember(r);
    if (r.t < this.window[0] || r.t > this.window[1]) return;
    if (r.type === "sample") this.set!.sample(r);
    else this.set!.write(r);
  }

  finish(summary: SummaryT | undefined, drillSpan: { start: number; end: number }): FocusView | undefined {
    if (!this.window || !this.set) return undefined;
    const domain: [number, number] = [Math.max(this.window[0], drillSpan.start), Math.min(this.window[1], drillSpan.end)];
    return { domain, ...this.set.finish(summary) };
  }

  /** Keep roughly the last `before` ms; compact lazily so each record costs O(1). */
  private remember(r: Timed): void {
    this.ring.push(r);
    const horizon = r.t - this.span.before;
    while (this.head < this.ring.length && (this.ring[this.head]!.t < horizon || this.ring.length - this.head > RING_CAP)) this.head++;
    if (this.head > 50_000) {
      this.ring = this.ring.slice(this.head);
      this.head = 0;
    }
  }
}
