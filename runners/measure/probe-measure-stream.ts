// The measurement of probe-measure.ts fed one sample at a time, in constant
// memory: a recovery tracker, five histograms and a few counters. Samples in
// the current healthy stretch are "pending" — they belong to the disruption if
// the stretch breaks, to the recovery if it holds for stableFor — so they are
// accumulated apart and moved in one step when the tracker decides.
import type { ErrorClass, Sample } from "../probes/sample.ts";
import { availabilityOf } from "./availability.ts";
import { hasLatency, LatencyAccumulator } from "./latency.ts";
import { countError, phaseLatency, type HealDisruption, type MeasureOptions, type ProbeMeasurement } from "./probe-measure.ts";
import { RecoveryTracker } from "./recovery-tracker.ts";

export class ProbeMeasureStream {
  private readonly tracker: RecoveryTracker;
  private readonly before = new LatencyAccumulator();
  private readonly during = new LatencyAccumulator();
  private readonly pending = new LatencyAccumulator();
  private readonly after = new LatencyAccumulator();
  private readonly errors: Partial<Record<ErrorClass, number>> = {};
  private duringOk = 0;
  private duringTotal = 0;
  private pendingCount = 0; // every pending sample is healthy
  private samples = 0;
  private heal: { at: number; tracker: RecoveryTracker; failed: number } | undefined;

  constructor(private readonly options: MeasureOptions) {
    this.tracker = new RecoveryTracker(options.t0, options.stableForMs);
  }

  /** True once the probe has recovered; the engine can stop observing it. */
  get isRecovered(): boolean {
    return this.tracker.isRecovered;
  }

  /**
   * Heal began at `at`: from then on, samples after this sampler's recovery
   * from the fault (or, never disrupted by it, every sample) measure the heal's
   * own disruption — failback and rejoin — apart from the RTO.
   */
  armHeal(at: number): void {
    this.heal ??= { at, tracker: new RecoveryTracker(at, this.options.stableForMs), failed: 0 };
  }

  /** Disrupted by the fault and not recovered yet. */
  get inOutage(): boolean {
    return this.tracker.inOutage;
  }

  /** True unless a disruption after heal is still under way (detected, not yet recovered). */
  get healSettled(): boolean {
    return !this.heal?.tracker.inOutage;
  }

  /** Samples in send order, as probes deliver them. */
  push(sample: Sample): void {
    const heal = this.heal;
    if (heal && sample.t >= heal.at && !this.tracker.inOutage) {
      heal.tracker.push(sample);
      this.samples++;
      if (!sample.ok) {
        heal.failed++;
        countError(this.errors, sample);
      }
      if (hasLatency(sample)) this.after.record(sample.latencyMs);
      return;
    }
    const step = this.tracker.push(sample);
    this.samples++;
    if (step.pendingBecame === "during") {
      this.during.absorb(this.pending);
      this.duringOk += this.pendingCount;
      this.duringTotal += this.pendingCount;
      this.pendingCount = 0;
    } else if (step.pendingBecame === "after") {
      this.after.absorb(this.pending);
      this.pendingCount = 0;
    }
    const timed = hasLatency(sample);
    if (!sample.ok && step.placement !== "before") countError(this.errors, sample);
    if (step.placement === "before") {
      if (timed) this.before.record(sample.latencyMs);
    } else if (step.placement === "during") {
      this.duringTotal++;
      if (sample.ok) this.duringOk++;
      if (timed) this.during.record(sample.latencyMs);
    } else if (step.placement === "pending") {
      this.pendingCount++;
      if (timed) this.pending.record(sample.latencyMs);
    } else if (timed) this.after.record(sample.latencyMs);
  }

  /** The measurement so far; a stretch still pending counts as disrupted time (not yet recovered). */
  result(): ProbeMeasurement {
    const { probe, t0, stableForMs, rateHz } = this.options;
    const heal: HealDisruption | undefined = this.heal ? { healAt: this.heal.at, failedSamples: this.heal.failed, recovery: this.heal.tracker.result() } : undefined;
    return {
      probe,
      path: this.options.path ?? "read",
      source: this.options.source ?? "probe",
      t0,
      stableForMs,
      resolutionMs: 1000 / rateHz,
      recovery: this.tracker.result(),
      availabilityWhileDisrupted: availabilityOf(this.duringOk + this.pendingCount, this.duringTotal + this.pendingCount),
      latency: phaseLatency({
        before: this.before.summary(),
        during: this.during.summaryWith(this.pending),
        after: this.after.summary(),
      }),
      errors: { ...this.errors },
      samples: this.samples,
      ...(heal ? { heal } : {}),
    };
  }

  destroy(): void {
    for (const h of [this.before, this.during, this.pending, this.after]) h.destroy();
  }
}
