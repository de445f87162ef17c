// Lost writes from a ledger, as docs/design.md defines them: an acknowledged write
// missing from the read-back is lost. The data-loss window (measured RPO) is
// t0 − the earliest acknowledgement among writes lost that were acknowledged
// before t0 — how far back from the fault acknowledged data vanished. Writes
// acknowledged at or after t0 and then lost are a different failure: the
// system said "stored" after the fault and was wrong; they fail the drill.
import type { LedgerWrite, ReadBack } from "../ledger/record.ts";

export interface DataLoss {
  t0: number;
  written: number;
  acknowledged: number;
  unacknowledged: number;
  /** Acknowledged before t0 and missing. */
  lostBeforeFault: number[];
  /** Acknowledged at or after t0 and missing: "acknowledged, then lost". */
  lostAfterFault: number[];
  /** Measured RPO in ms; 0 when nothing acknowledged before t0 was lost. */
  dataLossWindowMs: number;
  /** Not acknowledged (failed or timed out) but present: they landed anyway. */
  unacknowledgedPresent: number;
  /** Present with a payload that does not match what was written. */
  corrupted: number;
}

export function measureDataLoss(writes: readonly LedgerWrite[], readBack: ReadBack, t0: number): DataLoss {
  const present = new Set(readBack.present);
  const lostBeforeFault: number[] = [];
  const lostAfterFault: number[] = [];
  let earliestLostAck = Infinity;
  let acknowledged = 0;
  let unacknowledgedPresent = 0;
  for (const w of writes) {
    if (w.ackAt === undefined) {
      if (present.has(w.seq)) unacknowledgedPresent++;
      continue;
    }
    acknowledged++;
    if (present.has(w.seq)) continue;
    if (w.ackAt < t0) {
      lostBeforeFault.push(w.seq);
      earliestLostAck = Math.min(earliestLostAck, w.ackAt);
    } else lostAfterFault.push(w.seq);
  }
  return {
    t0,
    written: writes.length,
    acknowledged,
    unacknowledged: writes.length - acknowledged,
    lostBeforeFault: lostBeforeFault.sort((a, b) => a - b),
    lostAfterFault: lostAfterFault.sort((a, b) => a - b),
    dataLossWindowMs: lostBeforeFault.length ? t0 - earliestLostAck : 0,
    unacknowledgedPresent,
    corrupted: new Set(readBack.corrupted).size,
  };
}
