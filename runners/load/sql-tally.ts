// What a SQL write load counts, pgbench-style but open loop: every scheduled
// transaction ends exactly once as acknowledged (COMMIT returned within the
// timeout), failed (an error came back), timed out (no answer within the
// timeout: it may still commit — unknown, never counted as acknowledged) or
// shed (not sent: `maxInFlight` already out). A COMMIT that returns after its
// timeout is counted once more, as `lateCommits`, because it did land.

export interface SqlWriteCounts {
  sent: number;
  acknowledged: number;
  failed: number;
  timedOut: number;
  shed: number;
  /** Answered after being recorded as timed out: committed, but never acknowledged to the client. */
  lateCommits: number;
}

export class SqlWriteTally {
  private readonly counts: SqlWriteCounts = { sent: 0, acknowledged: 0, failed: 0, timedOut: 0, shed: 0, lateCommits: 0 };
  private readonly ended = new Set<number>();
  private readonly acked: number[] = [];

  sent(seq: number): void {
    void seq;
    this.counts.sent++;
  }

  shed(seq: number): void {
    this.end(seq, "shed");
  }

  /** The transaction committed and said so within the timeout; later, it is a late commit of a timed-out one. */
  committed(seq: number): void {
    if (this.ended.has(seq)) {
      this.counts.lateCommits++;
      return;
    }
    this.end(seq, "acknowledged");
    this.acked.push(seq);
  }

  failed(seq: number): void {
    if (!this.ended.has(seq)) this.end(seq, "failed");
  }

  timedOut(seq: number): void {
    if (!this.ended.has(seq)) this.end(seq, "timedOut");
  }

  /** Transactions sent and not yet ended (answered, failed or timed out). */
  get open(): number {
    const { sent, acknowledged, failed, timedOut } = this.counts;
    return sent - acknowledged - failed - timedOut;
  }

  snapshot(): SqlWriteCounts {
    return { ...this.counts };
  }

  /** Seqs acknowledged to the client, in the order their COMMIT returned: each must be in the database. */
  acknowledgedSeqs(): readonly number[] {
    return this.acked;
  }

  private end(seq: number, as: "acknowledged" | "failed" | "timedOut" | "shed"): void {
    this.ended.add(seq);
    this.counts[as]++;
  }
}
