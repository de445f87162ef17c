// Public surface of the probes: the engine imports from here.
export { createProbe, probeInfo } from "./create.ts";
export { parseProbeSpec, probeKinds, type ProbeSpec } from "./spec.ts";
export type { Probe, ScheduleStats } from "./probe.ts";
export type { ErrorClass, ProbeInfo, Sample } from "./sample.ts";
