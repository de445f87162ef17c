// What a probe records for each request it sends. Probes are open loop: a request
// is sent on schedule whether or not earlier ones have returned, so a hung
// service shows up as timeouts instead of hiding as "fewer samples".
import type { ProbeKind } from "../../scenarios/kinds.ts";

/** Why a sample failed, coarse enough to chart and count. */
export type ErrorClass =
  | "timeout" // no answer within the probe's timeout
  | "refused" // connection refused
  | "reset" // connection reset / closed mid-request
  | "unreachable" // other connect-level failures
  | "bad-status" // an answer, but not a healthy one (HTTP 5xx, LOADING …)
  | "wrong-role" // an answer from a node in the wrong role: a standby or read-only node on the write path
  | "slow" // answered, but slower than the probe's latency bound
  | "error"; // anything else

export interface Sample {
  /** Sequence number of the sample within its probe, from 0. */
  seq: number;
  /** Send time on the drill clock (ms): when the request actually went out. */
  t: number;
  /**
   * The scheduled send time, present only when the request went out late
   * (the harness's event loop fell behind by 1 ms or more); t − intendedT is the lag.
   */
  intendedT?: number;
  ok: boolean;
  /** Time to answer or to fail (ms); for timeouts, the timeout. */
  latencyMs: number;
  error?: ErrorClass;
  /** A short detail for the first samples of an error streak (message, status). */
  detail?: string;
}

export interface ProbeInfo {
  name: string;
  kind: ProbeKind | "k6";
  /** Target as configured, secrets redacted. */
  target: string;
  rateHz: number;
  timeoutMs: number;
  /** Latency above this counts as disrupted (a "slow" sample). */
  latencyBoundMs: number;
  /** The path of the service it samples (reads, writes); load generators sample none. */
  servicePath?: "read" | "write";
}
