// The recovery computation of recovery.ts, one sample at a time, in constant
// memory: it keeps only where the current healthy stretch began. The engine
// feeds it live to know when to stop observing; the streaming measurement uses
// where it places each sample to split latencies and availability.
import { isDisrupted, sendLagOf, type Recovery } from "./recovery.ts";
import type { Sample } from "../probes/sample.ts";

/**
 * Where a sample falls: before the fault, in the disruption window
 * [t0, recovered at), in a healthy stretch not yet known to be the recovery
 * ("pending"), or after recovery.
 */
export type Placement = "before" | "during" | "pending" | "after";

export interface Step {
  placement: Placement;
  /** The pending stretch just turned out to be inside the disruption ("during") or the recovery ("after"). */
  pendingBecame?: "during" | "after";
}

export class RecoveryTracker {
  private lastT = -Infinity;
  private lastOkT: number | undefined;
  private lastBadT: number | undefined;
  private healthyBeforeAt: number | undefined;
  private lastBadBeforeCandidate: number | undefined;
  /** The lag of the sample after detection and after the candidate: a stall right after either send. */
  private detectLag: number | undefined;
  private candidateLag: number | undefined;
  private awaitingLag: "detect" | "candidate" | undefined;
  private lastAfterT0: number | undefined;
  private detectedAt: number | undefined;
  private candidate: number | undefined;
  private recovered: number | undefined;

  constructor(
    readonly t0: number,
    readonly stableForMs: number,
  ) {}

  /** Samples must come in send order (as probes deliver them), strictly increasing t. */
  push(sample: Sample): Step {
    if (!(sample.t > this.lastT)) throw new RangeError(`samples out of send order: t=${sample.t} after t=${this.lastT}`);
    this.lastT = sample.t;
    if (this.awaitingLag === "detect") this.detectLag = sendLagOf(sample);
    else if (this.awaitingLag === "candidate") this.candidateLag = sendLagOf(sample);
    this.awaitingLag = undefined;
    const step = this.place(sample);
    if (isDisrupted(sample)) this.lastBadT = sample.t;
    else this.lastOkT = sample.t;
    return step;
  }

  private place(sample: Sample): Step {
    if (sample.t < this.t0) return { placement: "before" };
    this.lastAfterT0 = sample.t;
    if (this.recovered !== undefined) return { placement: "after" };

    // A sample past the candidate's window covers it; everything inside was healthy.
    if (this.candidate !== undefined && sample.t > this.candidate + this.stableForMs) {
      this.recovered = this.candidate;
      return { placement: "after", pendingBecame: "after" };
    }
    if (isDisrupted(sample)) {
      if (this.detectedAt === undefined) {
        this.detectedAt = sample.t;
        this.healthyBeforeAt = this.lastOkT;
        this.awaitingLag = "detect";
      }
      const broke = this.candidate !== undefined;
      this.candidate = undefined;
      return broke ? { placement: "during", pendingBecame: "during" } : { placement: "during" };
    }
    if (this.detectedAt === undefined) return { placement: "during" };
    if (this.candidate === undefined) {
      this.candidate = sample.t;
      this.lastBadBeforeCandidate = this.lastBadT;
      this.candidateLag = undefined;
      this.awaitingLag = "candidate";
    }
    if (sample.t >= this.candidate + this.stableForMs) {
      // This healthy sample ends the window and covers it.
      this.recovered = this.candidate;
      return { placement: "after", pendingBecame: "after" };
    }
    return { placement: "pending" };
  }

  /** Disrupted and not recovered yet: an outage is under way. */
  get inOutage(): boolean {
    return this.detectedAt !== undefined && this.recovered === undefined;
  }

  /** True once recovery is certain; it cannot be undone by later samples. */
  get isRecovered(): boolean {
    return this.recovered !== undefined;
  }

  /** The result so far; after the last sample, the same as measureRecovery on all of them. */
  result(): Recovery {
    const t0 = this.t0;
    if (this.lastAfterT0 === undefined) return { kind: "no-samples" };
    if (this.detectedAt === undefined) return { kind: "no-disruption", lastSampleAt: this.lastAfterT0 };
    const detected = {
      detectedAt: this.detectedAt, timeToDetectMs: this.detectedAt - t0,
      ...(this.healthyBeforeAt !== undefined ? { healthyBeforeAt: this.healthyBeforeAt } : {}),
      ...(this.detectLag ? { detectSendLagMs: this.detectLag } : {}),
    };
    if (this.recovered !== undefined) {
      return { kind: "recovered", ...detected, recoveredAt: this.recovered, measuredRtoMs: this.recovered - t0, lastDisruptedAt: this.lastBadBeforeCandidate!, ...(this.candidateLag ? { recoverSendLagMs: this.candidateLag } : {}) };
    }
    return { kind: "not-recovered", ...detected, lastSampleAt: this.lastAfterT0, observedMs: this.lastAfterT0 - t0 };
  }
}
