// A ledger writer writes sequenced records at a fixed rate and remembers which
// were acknowledged; after recovery it reads them back to find lost ones.

import type { ErrorClass } from "../probes/sample.ts";

export interface LedgerWrite {
  seq: number;
  /** Send time on the drill clock (ms). */
  t: number;
  /** Acknowledgement time (ms), when the store confirmed the write. */
  ackAt?: number;
  /** The write failed or timed out (not acknowledged); it may still have landed. */
  error?: string;
  /** Why, in the classes probes use: a write is a sample of the write path. */
  errorClass?: ErrorClass;
  /** When a failed (not timed-out) write failed (drill clock, ms). */
  failedAt?: number;
}

export interface ReadBack {
  /** When the read-back ran (drill clock, ms). */
  t: number;
  /** Sequence numbers found in the store. */
  present: number[];
  /** Present, but the payload does not match what was written. */
  corrupted: number[];
  /** Where it read from (the current primary), secrets redacted. */
  source: string;
}

export interface LedgerInfo {
  name: string;
  kind: "postgres" | "redis" | "http";
  target: string;
  rateHz: number;
  timeoutMs: number;
  /** Unique per writer; the store's records of this run carry it, so drills never see each other's rows. */
  runId?: string;
}
