// Everything measured for one probe around one fault: recovery, availability
// while disrupted, latency before / during / after, error counts. Phases, with
// recovered at = R (or R = ∞ when there was no recovery):
//   before = [−∞, t0)   during = [t0, R)   after = [R, ∞)
// This is the array version; probe-measure-stream.ts computes the same in
// bounded memory from a live sample stream.
import type { ErrorClass, Sample } from "../probes/sample.ts";
import { availabilityIn, type Availability } from "./availability.ts";
import { hasLatency, LatencyAccumulator, type LatencySummary } from "./latency.ts";
import { measureRecovery, type Recovery } from "./recovery.ts";

/** Which path of the service a sampler uses: reads (and health checks) or writes. */
export type Path = "read" | "write";

export interface MeasureOptions {
  probe: string;
  /** Default "read". A ledger writer samples the write path. */
  path?: Path;
  /** What sampled: a probe, or a ledger writer whose writes are its samples. Default "probe". */
  source?: "probe" | "ledger";
  /** The probe's rate; its interval is the resolution of every time measured. */
  rateHz: number;
  t0: number;
  stableForMs: number;
}

export interface PhaseLatency {
  before?: LatencySummary;
  during?: LatencySummary;
  after?: LatencySummary;
}

export interface ProbeMeasurement {
  probe: string;
  path: Path;
  source: "probe" | "ledger";
  t0: number;
  stableForMs: number;
  /** The probe interval: every time measured here is known to within it. */
  resolutionMs: number;
  recovery: Recovery;
  /** Healthy share of the samples sent in [t0, recovered at), or from t0 to the end without a recovery. */
  availabilityWhileDisrupted: Availability;
  /** Latency of answers (ok or slow) per phase; undefined where a phase had none. */
  latency: PhaseLatency;
  /** Disrupted samples sent at or after t0, by error class. */
  errors: Partial<Record<ErrorClass, number>>;
  /** All samples considered, before and after t0. */
  samples: number;
  /** Disruption after heal began (failback, rejoin): present once heal was armed. */
  heal?: HealDisruption;
}

/**
 * A disruption seen after heal began and after the sampler had recovered from
 * the fault (or had never been disrupted by it): the failback's own figure.
 */
export interface HealDisruption {
  /** When heal began (drill clock, ms). */
  healAt: number;
  /** Disrupted samples sent in that stretch. */
  failedSamples: number;
  /** Recovery measured from healAt; its durations are relative to healAt. */
  recovery: Recovery;
}

export function measureProbe(samples: readonly Sample[], options: MeasureOptions): ProbeMeasurement {
  const { t0, stableForMs } = options;
  const recovery = measureRecovery(samples, t0, stableForMs);
  const end = recovery.kind === "recovered" ? recovery.recoveredAt : Infinity;
  const phases = { before: new LatencyAccumulator(), during: new LatencyAccumulator(), after: new LatencyAccumulator() };
  const errors: Partial<Record<ErrorClass, number>> = {};
  for (const s of samples) {
    const phase = s.t < t0 ? phases.before : s.t < end ? phases.during : phases.after;
    if (hasLatency(s)) phase.record(s.latencyMs);
    if (!s.ok && s.t >= t0) countError(errors, s);
  }
  const latency = summarise(phases);
  for (const phase of Object.values(phases)) phase.destroy();
  return {
    probe: options.probe,
    path: options.path ?? "read",
    source: options.source ?? "probe",
    t0,
    stableForMs,
    resolutionMs: 1000 / options.rateHz,
    recovery,
    availabilityWhileDisrupted: availabilityIn(samples, t0, end),
    latency,
    errors,
    samples: samples.length,
  };
}

export function countError(errors: Partial<Record<ErrorClass, number>>, sample: Sample): void {
  const cls = sample.error ?? "error";
  errors[cls] = (errors[cls] ?? 0) + 1;
}

/** Only the phases that had answers, so an empty phase is absent rather than zeros. */
export function phaseLatency(entries: Record<keyof PhaseLatency, LatencySummary | undefined>): PhaseLatency {
  const out: PhaseLatency = {};
  for (const [name, summary] of Object.entries(entries)) if (summary) out[name as keyof PhaseLatency] = summary;
  return out;
}

function summarise(phases: Record<keyof PhaseLatency, LatencyAccumulator>): PhaseLatency {
  return phaseLatency({
    before: phases.before.summary(),
    during: phases.during.summary(),
    after: phases.after.summary(),
  });
}
