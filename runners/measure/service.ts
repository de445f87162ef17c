// A service's recovery is the worst of its probes': a service is back only when
// every client view of it is back. If any probe never recovered, the service
// never recovered. Detection is the earliest any probe saw the disruption.
import type { ProbeMeasurement } from "./probe-measure.ts";
import type { Recovery } from "./recovery.ts";

export interface ServiceMeasurement {
  service: string;
  recovery: Recovery;
  /** The probe whose recovery decided the service's (the slowest, or one never recovered). */
  decidedBy?: string;
  /** The coarsest probe interval: the service's times are known to within it. */
  resolutionMs: number;
  /** Lowest availability while disrupted among the probes (percent); undefined without samples. */
  availabilityWhileDisruptedPct?: number;
  /** Probes with no sample after t0: their view is missing from the verdict. */
  probesWithoutSamples: string[];
  probes: ProbeMeasurement[];
}

export function measureService(service: string, probes: readonly ProbeMeasurement[]): ServiceMeasurement {
  const decided = worstOf(probes);
  const availability = probes
    .map((p) => p.availabilityWhileDisrupted.percent)
    .filter((v): v is number => v !== undefined);
  return {
    service,
    recovery: decided ? withEarliestDetection(decided.recovery, probes) : { kind: "no-samples" },
    ...(decided && decided.recovery.kind !== "no-samples" ? { decidedBy: decided.probe } : {}),
    resolutionMs: Math.max(0, ...probes.map((p) => p.resolutionMs)),
    ...(availability.length ? { availabilityWhileDisruptedPct: Math.min(...availability) } : {}),
    probesWithoutSamples: probes.filter((p) => p.recovery.kind === "no-samples").map((p) => p.probe),
    probes: [...probes],
  };
}

/** Order of badness: never recovered, then the longest RTO, then no disruption, then no samples. */
function worstOf(probes: readonly ProbeMeasurement[]): ProbeMeasurement | undefined {
  const rank = (p: ProbeMeasurement): number => {
    const r = p.recovery;
    if (r.kind === "not-recovered") return 3e15 + r.observedMs;
    if (r.kind === "recovered") return 2e15 + r.rtoMs;
    return r.kind === "no-disruption" ? 1e15 : 0;
  };
  let worst: ProbeMeasurement | undefined;
  for (const p of probes) if (!worst || rank(p) > rank(worst)) worst = p;
  return worst;
}

/** The decided recovery, with detection moved to the first probe that saw anything. */
function withEarliestDetection(recovery: Recovery, probes: readonly ProbeMeasurement[]): Recovery {
  if (recovery.kind !== "recovered" && recovery.kind !== "not-recovered") return recovery;
  let detectedAt = recovery.detectedAt;
  for (const p of probes) {
    const r = p.recovery;
    if ((r.kind === "recovered" || r.kind === "not-recovered") && r.detectedAt < detectedAt) detectedAt = r.detectedAt;
  }
  return { ...recovery, detectedAt, timeToDetectMs: recovery.timeToDetectMs - (recovery.detectedAt - detectedAt) };
}
