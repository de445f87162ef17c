// The down-sampled series of one view of a drill (the whole drill, or the window
// around the fault): a probe series per probe, a ledger series per ledger.
import type { DrillStartedT, SampleRecordT, SummaryT, WriteRecordT } from "../../journal/format.ts";
import { LedgerSeriesBuilder, type LedgerSeries } from "./ledger-series.ts";
import { ProbeSeriesBuilder, type ProbeSeries } from "./probe-series.ts";

export interface SeriesView {
  probes: ProbeSeries[];
  ledgers: LedgerSeries[];
}

const interval = (rateHz: number) => (rateHz > 0 ? 1_000 / rateHz : 1);

export class SeriesSet {
  private readonly probes = new Map<string, ProbeSeriesBuilder>();
  private readonly ledgers = new Map<string, LedgerSeriesBuilder>();

  constructor(started: DrillStartedT, private readonly maxBuckets?: number) {
    for (const p of started.probes) {
      this.probes.set(p.name, new ProbeSeriesBuilder({ name: p.name, kind: p.kind, target: p.target, latencyBoundMs: p.latencyBoundMs, intervalMs: interval(p.rateHz) }, maxBuckets));
    }
    for (const l of started.ledgers) {
      this.ledgers.set(l.name, new LedgerSeriesBuilder({ name: l.name, kind: l.kind, target: l.target, intervalMs: interval(l.rateHz) }, maxBuckets));
    }
  }

  /** Samples of a probe the header did not declare still count; they just lack a latency bound. */
  sample(s: SampleRecordT): void {
    let p = this.probes.get(s.probe);
    if (!p) this.probes.set(s.probe, (p = new ProbeSeriesBuilder({ name: s.probe, kind: "?", target: "", latencyBoundMs: Infinity, intervalMs: 1 }, this.maxBuckets)));
    p.add(s);
  }

  write(w: WriteRecordT): void {
    let l = this.ledgers.get(w.ledger);
    if (!l) this.ledgers.set(w.ledger, (l = new LedgerSeriesBuilder({ name: w.ledger, kind: "?", target: "", intervalMs: 1 }, this.maxBuckets)));
    l.add(w);
  }

  finish(summary: SummaryT | undefined): SeriesView {
    return {
      probes: [...this.probes.values()].map((p) => p.finish()),
      ledgers: [...this.ledgers.entries()].map(([name, l]) => l.finish(summary?.ledgers.find((x) => x.ledger === name))),
    };
  }
}
