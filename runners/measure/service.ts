// A service's recovery, from every sampler of it: each probe samples the path it
// uses (a read, a health check), each ledger writer samples the write path, and
// a ledger's failed or timed-out write is a disrupted sample exactly like a
// failed probe. A path is back only when every sampler on it is back; the
// service is back only when every path is. So the service's measured RTO is the
// worst of its paths', and an orders service has recovered when orders are
// accepted again, not when `select 1` answers (docs/design.md "What is measured").
//
// All figures are measured from the onset t0 (onset.ts), which is only known
// once the samples of the inject window are in: samplers measure from the
// window's start and are rebased here.
import { rtoBounds, type RtoBounds } from "./bounds.ts";
import { onsetOf, type InjectWindow, type Onset } from "./onset.ts";
import type { Path, ProbeMeasurement } from "./probe-measure.ts";
import { rebased, type Recovery } from "./recovery.ts";

export interface PathMeasurement {
  path: Path;
  recovery: Recovery;
  /** The sampler whose recovery decided the path's (the slowest, or one never recovered). */
  decidedBy?: string;
  /** The interval the true RTO of this path lies in. */
  bounds?: RtoBounds;
}

export interface HealMeasurement {
  /** When heal began (drill clock, ms). */
  healAt: number;
  /** Disrupted samples after heal, over all samplers. */
  failedSamples: number;
  /** The longest disruption after heal: recovered − its first disrupted sample (ms). */
  durationMs?: number;
  /** Some sampler was still disrupted when watching ended. */
  recovered: boolean;
  /** Observed disruption of a sampler that never recovered after heal (ms, from its first disrupted sample). */
  observedMs?: number;
  decidedBy?: string;
}

export interface ServiceMeasurement {
  service: string;
  onset: Onset;
  /** The worst path's recovery, measured from t0. */
  recovery: Recovery;
  decidedBy?: string;
  bounds?: RtoBounds;
  /** The nominal interval of the coarsest sampler, for when no RTO was measured. */
  resolutionMs: number;
  /** Per path (read, write), in that order; only paths some sampler used. */
  paths: PathMeasurement[];
  /** Lowest availability while disrupted among the samplers (percent); undefined without samples. */
  availabilityWhileDisruptedPct?: number;
  /** Samplers with no sample after t0: their view is missing from the verdict. */
  probesWithoutSamples: string[];
  /** Every sampler, rebased to t0. */
  probes: ProbeMeasurement[];
  /** Disruption after heal (failback); absent when heal was never armed. */
  heal?: HealMeasurement;
}

export function measureService(service: string, samplers: readonly ProbeMeasurement[], window?: InjectWindow): ServiceMeasurement {
  const origin = window ?? { startedAt: samplers[0]?.t0 ?? 0, returnedAt: samplers[0]?.t0 ?? 0 };
  const onset = onsetOf(origin, samplers.map((p) => ({ sampler: p.probe, recovery: p.recovery })));
  const probes = samplers.map((p) => ({ ...p, t0: onset.t0, recovery: rebased(p.recovery, onset.t0) }));
  const paths = (["read", "write"] as const)
    .map((path) => pathOf(path, probes.filter((p) => p.path === path), onset))
    .filter((p): p is PathMeasurement => p !== undefined);
  const worst = worstOf(probes);
  const availability = probes.map((p) => p.availabilityWhileDisrupted.percent).filter((v): v is number => v !== undefined);
  const recovery = worst ? withEarliestDetection(worst.recovery, probes) : ({ kind: "no-samples" } as const);
  const bounds = worst ? rtoBounds(worst.recovery, onset) : undefined;
  const heal = healOf(probes);
  return {
    service,
    onset,
    recovery,
    ...(worst && worst.recovery.kind !== "no-samples" ? { decidedBy: worst.probe } : {}),
    ...(bounds ? { bounds } : {}),
    resolutionMs: Math.max(0, ...probes.map((p) => p.resolutionMs)),
    paths,
    ...(availability.length ? { availabilityWhileDisruptedPct: Math.min(...availability) } : {}),
    probesWithoutSamples: probes.filter((p) => p.recovery.kind === "no-samples").map((p) => p.probe),
    probes,
    ...(heal ? { heal } : {}),
  };
}

function pathOf(path: Path, samplers: ProbeMeasurement[], onset: Onset): PathMeasurement | undefined {
  const worst = worstOf(samplers);
  if (!worst) return undefined;
  const bounds = rtoBounds(worst.recovery, onset);
  return {
    path,
    recovery: withEarliestDetection(worst.recovery, samplers),
    ...(worst.recovery.kind !== "no-samples" ? { decidedBy: worst.probe } : {}),
    ...(bounds ? { bounds } : {}),
  };
}

/** Order of badness: never recovered, then the longest RTO, then no disruption, then no samples. */
function worstOf(probes: readonly ProbeMeasurement[]): ProbeMeasurement | undefined {
  const rank = (p: ProbeMeasurement): number => {
    const r = p.recovery;
    if (r.kind === "not-recovered") return 3e15 + r.observedMs;
    if (r.kind === "recovered") return 2e15 + r.measuredRtoMs;
    return r.kind === "no-disruption" ? 1e15 : 0;
  };
  let worst: ProbeMeasurement | undefined;
  for (const p of probes) if (!worst || rank(p) > rank(worst)) worst = p;
  return worst;
}

/** The decided recovery, with detection moved to the first sampler that saw anything. */
function withEarliestDetection(recovery: Recovery, probes: readonly ProbeMeasurement[]): Recovery {
  if (recovery.kind !== "recovered" && recovery.kind !== "not-recovered") return recovery;
  let detectedAt = recovery.detectedAt;
  for (const p of probes) {
    const r = p.recovery;
    if ((r.kind === "recovered" || r.kind === "not-recovered") && r.detectedAt < detectedAt) detectedAt = r.detectedAt;
  }
  return { ...recovery, detectedAt, timeToDetectMs: recovery.timeToDetectMs - (recovery.detectedAt - detectedAt) };
}

/** The heal's disruption: the longest of its samplers', a sampler never recovered first. */
function healOf(probes: readonly ProbeMeasurement[]): HealMeasurement | undefined {
  const armed = probes.filter((p) => p.heal);
  if (armed.length === 0) return undefined;
  const healAt = Math.min(...armed.map((p) => p.heal!.healAt));
  const failedSamples = armed.reduce((n, p) => n + p.heal!.failedSamples, 0);
  let out: HealMeasurement = { healAt, failedSamples, recovered: true };
  for (const p of armed) {
    const r = p.heal!.recovery;
    if (r.kind === "not-recovered") {
      const observedMs = r.lastSampleAt - r.detectedAt;
      if (out.recovered || observedMs > (out.observedMs ?? 0)) out = { healAt, failedSamples, recovered: false, observedMs, decidedBy: p.probe };
    } else if (r.kind === "recovered" && out.recovered) {
      const durationMs = r.recoveredAt - r.detectedAt;
      if (durationMs > (out.durationMs ?? -1)) out = { healAt, failedSamples, recovered: true, durationMs, decidedBy: p.probe };
    }
  }
  return out;
}
