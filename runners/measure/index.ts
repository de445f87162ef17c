// Public surface of measurement: pure functions and in-memory accumulators, no I/O.
export { availabilityIn, availabilityOf, type Availability } from "./availability.ts";
export { measureDataLoss, type DataLoss } from "./data-loss.ts";
export { hasLatency, LatencyAccumulator, type LatencySummary } from "./latency.ts";
export { decideOutcome, type DrillOutcome, type OutcomeDecision, type OutcomeInput } from "./outcome.ts";
export { measureProbe, type MeasureOptions, type PhaseLatency, type ProbeMeasurement } from "./probe-measure.ts";
export { ProbeMeasureStream } from "./probe-measure-stream.ts";
export { isDisrupted, measureRecovery, recoveredAt, type Recovery } from "./recovery.ts";
export { RecoveryTracker, type Placement, type Step } from "./recovery-tracker.ts";
export { nearestRank, repeatStats, type RepeatStats } from "./repeat.ts";
export { measureService, type HealMeasurement, type PathMeasurement, type ServiceMeasurement } from "./service.ts";
export { judge, type Evidence, type Objectives, type Verdict, type VerdictStatus, type ObjectiveKind, type Waivers } from "./verdict.ts";
export { onsetOf, type InjectWindow, type Onset } from "./onset.ts";
export { isCoarse, rtoBounds, type RtoBounds } from "./bounds.ts";
export { rebased } from "./recovery.ts";
