// What a read-back says about the writes: acknowledged seqs that are missing
// (lost), seqs that landed although never acknowledged, and corrupted ones.
// Pure, so it can be checked against ground truth; the drill's measurement
// (RPO against t0) builds on the same sets.
import type { LedgerWrite, ReadBack } from "./record.ts";

export interface Reconciliation {
  acknowledged: number;
  /** Acknowledged, then missing from the store. */
  lost: number[];
  /** Not acknowledged (failed or timed out), yet present. */
  unacknowledgedPresent: number[];
  /** Present with a payload other than the one written. */
  corrupted: number[];
}

export function reconcile(writes: Iterable<LedgerWrite>, readBack: ReadBack): Reconciliation {
  const present = new Set(readBack.present);
  const lost: number[] = [];
  const unacknowledgedPresent: number[] = [];
  let acknowledged = 0;
  for (const w of writes) {
    if (w.ackAt !== undefined) {
      acknowledged++;
      if (!present.has(w.seq)) lost.push(w.seq);
    } else if (present.has(w.seq)) {
      unacknowledgedPresent.push(w.seq);
    }
  }
  const ascending = (a: number, b: number) => a - b;
  return {
    acknowledged,
    lost: lost.sort(ascending),
    unacknowledgedPresent: unacknowledgedPresent.sort(ascending),
    corrupted: [...readBack.corrupted].sort(ascending),
  };
}
