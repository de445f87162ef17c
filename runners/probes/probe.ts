// The one interface the drill engine sees for every kind of probe, and the small
// contract each kind implements underneath it (one attempt, one close). The
// open-loop schedule, timeouts and the latency bound live in one place
// (open-loop.ts) so every kind measures the same way.
import type { Clock } from "../../core/clock.ts";
import type { ErrorClass, ProbeInfo, Sample } from "./sample.ts";

export interface Probe {
  readonly info: ProbeInfo;
  /** Starts sampling; samples reach `onSample` in seq order (send order). */
  start(clock: Clock, onSample: (sample: Sample) => void): void;
  /**
   * Stops scheduling, waits for the requests in flight to answer or time out
   * (at most the probe timeout), delivers their samples, then releases every
   * socket and pool. Never rejects.
   */
  stop(): Promise<void>;
  /** How well the schedule held, for the journal and the bench. */
  stats(): ScheduleStats;
}

export interface ScheduleStats {
  /** Samples delivered so far. */
  samples: number;
  /** Largest delay between a scheduled send time and the actual send (ms). */
  maxLagMs: number;
  /** Samples not sent because too many requests were in flight (counted as timeouts). */
  shed: number;
  /** Requests in flight right now (including timed-out ones still being torn down). */
  inFlight: number;
}

/** What one attempt found, when it got far enough to judge the answer. */
export type Outcome = { ok: true } | { ok: false; error: ErrorClass; detail?: string };

/** One kind of probe: how to make one request, classify failures, and clean up. */
export interface ProbeClient {
  /**
   * One request. Resolve with the outcome, or reject with whatever the client
   * library threw (classified by `classify`). Must stop work when `signal`
   * aborts: the timeout has already been recorded by then.
   */
  attempt(signal: AbortSignal, seq: number): Promise<Outcome>;
  /** Maps a thrown error to an error class and a short detail. */
  classify(error: unknown): { error: ErrorClass; detail: string };
  /** Called when an attempt timed out, e.g. to replace a connection that hangs. */
  onTimeout?(): void;
  /** Releases every socket and pool; called once, after the last attempt settled or was aborted. */
  close(): Promise<void>;
}
