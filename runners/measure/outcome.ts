// The drill's overall outcome from its verdicts and what the engine knows about
// the fault. The order of the checks is the point:
//   not-started   preflight failed, nothing was injected;
//   failed        some objective was missed (whatever else is true: a lost
//                 acknowledged write is a failure even if the fault is in doubt);
//   inconclusive  the fault's own check did not confirm it took effect and no
//                 disruption was seen (we may have tested nothing), or some
//                 objective in scope has no evidence, or nothing was judged;
//   passed        every objective judged and met.
// Pass only the objectives the scenario is meant to prove: one left without
// evidence makes the drill inconclusive, because it proved nothing about it.
import type { Verdict } from "./verdict.ts";

export type DrillOutcome = "passed" | "failed" | "inconclusive" | "not-started";

export interface OutcomeInput {
  started: boolean;
  verdicts: readonly Verdict[];
  /** The fault's check confirmed it took effect (e.g. the process is gone, the proxy drops traffic). */
  faultConfirmed: boolean;
  /** Any probe saw a disrupted sample at or after t0. */
  disruptionObserved: boolean;
}

export interface OutcomeDecision {
  outcome: DrillOutcome;
  reason: string;
}

export function decideOutcome(input: OutcomeInput): OutcomeDecision {
  if (!input.started) return { outcome: "not-started", reason: "preflight did not pass; nothing was injected" };
  const missed = input.verdicts.filter((v) => v.status === "missed");
  if (missed.length) return { outcome: "failed", reason: `missed: ${missed.map((v) => v.objective).join(", ")}` };
  if (!input.faultConfirmed && !input.disruptionObserved) {
    return { outcome: "inconclusive", reason: "the fault was not confirmed to take effect and no disruption was observed" };
  }
  const unmeasured = input.verdicts.filter((v) => v.status === "not-measured");
  if (unmeasured.length) {
    return { outcome: "inconclusive", reason: `not measured: ${unmeasured.map((v) => v.objective).join(", ")}` };
  }
  if (!input.verdicts.some((v) => v.status === "met")) return { outcome: "inconclusive", reason: "no objective was judged" };
  const waived = input.verdicts.filter((v) => v.status === "waived");
  return { outcome: "passed", reason: waived.length ? `every objective met or waived (waived: ${waived.map((v) => v.objective).join(", ")})` : "every objective met" };
}
