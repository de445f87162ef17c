// A ledger's writes, down-sampled for the chart: per bucket (by send time) how many
// writes were sent and how many acknowledged — the acknowledged share drops to zero
// while the service is down — and, once the summary names them (it comes last),
// the lost writes placed at the moment they had been acknowledged.
import type { LedgerSummaryT, WriteRecordT } from "../../journal/format.ts";
import { AckTimes } from "./ack-times.ts";
import { AdaptiveBuckets, type Bucketed } from "./buckets.ts";

export interface LedgerBucket {
  written: number;
  acked: number;
  lost: number;
  lostAfterFault: number;
}

export interface LedgerMeta {
  name: string;
  kind: string;
  target: string;
  intervalMs: number;
}

export interface LedgerSeries {
  ledger: string;
  kind: string;
  target: string;
  written: number;
  acked: number;
  bucketMs: number;
  buckets: Bucketed<LedgerBucket>[];
}

const ops = {
  empty: (): LedgerBucket => ({ written: 0, acked: 0, lost: 0, lostAfterFault: 0 }),
  merge(into: LedgerBucket, from: LedgerBucket): void {
    into.written += from.written;
    into.acked += from.acked;
    into.lost += from.lost;
    into.lostAfterFault += from.lostAfterFault;
  },
};

export class LedgerSeriesBuilder {
  private readonly buckets: AdaptiveBuckets<LedgerBucket>;
  private readonly acks = new AckTimes();
  private written = 0;
  private acked = 0;

  constructor(private readonly meta: LedgerMeta, maxBuckets?: number) {
    this.buckets = new AdaptiveBuckets(ops, meta.intervalMs, maxBuckets);
  }

  add(w: WriteRecordT): void {
    const b = this.buckets.at(w.t);
    b.written += 1;
    this.written += 1;
    if (w.ackAt === undefined) return;
    b.acked += 1;
    this.acked += 1;
    this.acks.set(w.seq, w.ackAt);
  }

  /** Lost seqs without an ack time in this builder (outside a focus window) are not drawn. */
  finish(summary: LedgerSummaryT | undefined): LedgerSeries {
    const afterFault = new Set(summary?.lostAfterFaultSeqs ?? []);
    const lost = new Set(summary?.lostSeqs ?? []);
    for (const seq of lost) this.mark(seq, afterFault.has(seq) ? "lostAfterFault" : "lost");
    for (const seq of afterFault) if (!lost.has(seq)) this.mark(seq, "lostAfterFault");
    const { name, kind, target } = this.meta;
    return { ledger: name, kind, target, written: this.written, acked: this.acked, bucketMs: this.buckets.widthMs, buckets: this.buckets.list() };
  }

  private mark(seq: number, field: "lost" | "lostAfterFault"): void {
    const at = this.acks.get(seq);
    if (at !== undefined) this.buckets.at(at)[field] += 1;
  }
}
