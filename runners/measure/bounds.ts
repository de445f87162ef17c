// How far a measured RTO can be from the true one, from the samples actually
// sent around its two edges (docs/design.md "resolution"). The true onset lies in
// [onset.lowerBound, t0]; the true recovery lies in (the last disrupted sample
// sent before recovered at, recovered at]. So the true RTO lies in
//   [lastDisruptedAt − t0, recoveredAt − onset.lowerBound]
// and the measured RTO (recoveredAt − t0) lies inside that interval. Late sends
// and a wide inject window widen it; the nominal probe interval plays no part.
// A stall of the harness right after the sample that fixed t0 (or recovered
// at) may have sent it late; the next sample's lag measures that stall, and
// the interval widens by it on that side.
import type { Onset } from "./onset.ts";
import type { Recovery } from "./recovery.ts";

/** The interval the true RTO lies in (ms), and its width. */
export interface RtoBounds {
  minMs: number;
  maxMs: number;
  /** maxMs − minMs: the resolution reported next to the RTO. */
  widthMs: number;
}

export function rtoBounds(recovery: Recovery, onset: Onset): RtoBounds | undefined {
  if (recovery.kind !== "recovered") return undefined;
  const minMs = Math.max(0, recovery.lastDisruptedAt - onset.t0 - (onset.sendLagMs ?? 0));
  const maxMs = recovery.recoveredAt + (recovery.recoverSendLagMs ?? 0) - onset.lowerBound;
  return { minMs, maxMs, widthMs: maxMs - minMs };
}

/**
 * A resolution coarser than this share of the RTO objective makes the figure
 * too blunt to judge closely; the verdict says so (docs/design.md: "a drill whose
 * resolution is worse than a threshold says so in its verdict").
 */
export const COARSE_SHARE_OF_OBJECTIVE = 0.1;

export function isCoarse(bounds: RtoBounds | undefined, objectiveMs: number | undefined): boolean {
  return bounds !== undefined && objectiveMs !== undefined && bounds.widthMs > COARSE_SHARE_OF_OBJECTIVE * objectiveMs;
}
