// The one interface the drill engine sees for load, whichever generator runs
// it: one more sampler on the drill's timeline. Samples carry the same fields as
// a probe's (send time on the drill clock, ok, latency, error class), so load is
// journalled and charted like any probe; what it adds is the result at the end —
// which generator ran, and what k6 itself concluded.
import type { Clock } from "../../core/clock.ts";
import type { ProbeInfo, Sample } from "../probes/sample.ts";

export type LoadWhich = "k6" | "builtin";

export interface LoadResult {
  which: LoadWhich;
  /** k6's exit code; absent for the built-in generator, or when k6 had to be killed. */
  exitCode?: number;
  /** k6 ended by itself and said its thresholds failed (exit 99); undefined when unknown. */
  thresholdsFailed?: boolean;
  /** Requests actually sent (answered or failed). */
  requests: number;
  /** Sends skipped because `maxInFlight` requests were already out (built-in only). */
  shed?: number;
  /** One line a reader needs: how it ended, what went wrong. */
  detail?: string;
}

export interface LoadStats {
  /** Samples delivered so far (sent + shed). */
  samples: number;
  shed: number;
  inFlight: number;
  /** The most requests ever in flight at once. */
  maxInFlightSeen: number;
  /** Largest delay between a scheduled send and the actual send (ms). */
  maxLagMs: number;
}

export interface LoadGenerator {
  /** kind "http" (built-in) or "k6"; `name` is the spec's (default "load"). */
  readonly info: ProbeInfo;
  readonly which: LoadWhich;
  /** Why this generator runs, e.g. "k6 at /usr/bin/k6" or "built-in: no k6 on PATH" (for the journal). */
  readonly why: string;
  /** Starts generating; samples reach `onSample` as they finish. Throws if already started. */
  start(clock: Clock, onSample: (s: Sample) => void): void;
  /**
   * Stops generating, lets requests in flight finish (bounded by the timeout),
   * releases every socket, process and file. Never rejects: what went wrong is
   * in the result's detail.
   */
  stop(): Promise<LoadResult>;
  stats(): LoadStats;
}
