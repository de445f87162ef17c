// Turning what an attempt found into a sample, and the limits the open loop
// works within.
import type { Outcome } from "./probe.ts";
import type { Sample } from "./sample.ts";

/**
 * More than rate × timeout requests in flight means timeouts are not being
 * honoured; beyond this (plus 10 % and a little headroom for teardown) new
 * samples are recorded as timeouts without sending, instead of growing memory.
 */
export function maxInFlightFor(rateHz: number, timeoutMs: number): number {
  return Math.ceil(((rateHz * timeoutMs) / 1000) * 1.1) + 2;
}

/**
 * One shared abort reason: aborting with a fresh DOMException per timeout costs
 * a stack trace each (expensive under source maps) exactly when a struggling
 * target makes timeouts most frequent.
 */
export const TIMED_OUT = Object.assign(new Error("probe timeout"), { name: "TimeoutError", stack: "" });

export type SendTime = Pick<Sample, "seq" | "t" | "intendedT">;

/** An answer slower than the bound is a disrupted sample ("slow"), even if correct. */
export function judge(at: SendTime, outcome: Outcome, latencyMs: number, boundMs: number): Sample {
  if (!outcome.ok) return { ...at, latencyMs, ok: false, error: outcome.error, ...(outcome.detail ? { detail: outcome.detail } : {}) };
  if (latencyMs > boundMs) return { ...at, latencyMs, ok: false, error: "slow", detail: `${latencyMs.toFixed(1)} ms > bound ${boundMs} ms` };
  return { ...at, latencyMs, ok: true };
}

export function timedOut(at: SendTime, timeoutMs: number, detail = `no answer within ${timeoutMs} ms`): Sample {
  return { ...at, ok: false, latencyMs: timeoutMs, error: "timeout", detail };
}
