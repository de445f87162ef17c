// The open-loop schedule every probe shares. Sample k is due at
// start + k / rate on the drill clock; each wake-up sends every sample that is
// due, so timer jitter never accumulates into drift, and a slow or hung service
// never delays the next send (no coordinated omission).
//
// Which time a sample records: `t` is the *scheduled* send time, even when the
// event loop fell behind and the request left a little later. The samples stay
// on the probe's grid, so the resolution of every RTO is exactly one interval and
// a burst of overdue sends after a harness stall does not bunch up on the
// timeline. The delay is the harness's, not the service's, so it is left out of
// `latencyMs` (measured from the actual send) and reported as `maxLagMs` in
// stats() instead, where a reader can see whether the grid held.
import type { Clock } from "../clock.ts";
import { InOrder } from "./in-order.ts";
import type { Outcome, Probe, ProbeClient, ScheduleStats } from "./probe.ts";
import type { ProbeInfo, Sample } from "./sample.ts";

/**
 * More than rate × timeout requests in flight means timeouts are not being
 * honoured; beyond this (plus 10 % and a little headroom for teardown) new
 * samples are recorded as timeouts without sending, instead of growing memory.
 */
export function maxInFlightFor(rateHz: number, timeoutMs: number): number {
  return Math.ceil(((rateHz * timeoutMs) / 1000) * 1.1) + 2;
}

export class OpenLoopProbe implements Probe {
  private clock: Clock | undefined;
  private order: InOrder | undefined;
  private running = false;
  private stopping: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private startAt = 0;
  private nextSeq = 0;
  private open = 0; // samples sent and not yet recorded
  private idle: (() => void) | undefined;
  private readonly attempts = new Set<Promise<void>>();
  private readonly limit: number;
  private readonly intervalMs: number;
  private maxLagMs = 0;
  private shed = 0;

  constructor(
    readonly info: ProbeInfo,
    private readonly client: ProbeClient,
  ) {
    this.limit = maxInFlightFor(info.rateHz, info.timeoutMs);
    this.intervalMs = 1000 / info.rateHz;
  }

  start(clock: Clock, onSample: (sample: Sample) => void): void {
    if (this.clock) throw new Error(`probe "${this.info.name}" was already started`);
    this.clock = clock;
    this.order = new InOrder(onSample);
    this.running = true;
    this.startAt = clock.now();
    this.tick();
  }

  stats(): ScheduleStats {
    const samples = this.order?.delivered ?? 0;
    return { samples, maxLagMs: this.maxLagMs, shed: this.shed, inFlight: this.attempts.size };
  }

  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    // Bounded: every open sample has its own timeout timer.
    if (this.open > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    await this.client.close().catch(() => undefined);
    // Timed-out attempts were aborted and their pools closed; give them a moment to settle.
    await Promise.race([Promise.allSettled([...this.attempts]), delay(2_000)]);
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (!this.running || !this.clock) return;
    const now = this.clock.now();
    for (let at = this.dueAt(this.nextSeq); at <= now; at = this.dueAt(this.nextSeq)) {
      this.send(this.nextSeq++, at);
    }
    const wait = this.dueAt(this.nextSeq) - this.clock.now();
    this.timer = setTimeout(this.tick, Math.max(0, wait));
  };

  private dueAt(seq: number): number {
    return this.startAt + seq * this.intervalMs;
  }

  private send(seq: number, t: number): void {
    const { timeoutMs } = this.info;
    if (this.attempts.size >= this.limit) {
      this.shed++;
      const detail = `not sent: ${this.attempts.size} requests already in flight`;
      this.order!.put({ seq, t, ok: false, latencyMs: timeoutMs, error: "timeout", detail });
      return;
    }
    const clock = this.clock!;
    const sentAt = clock.now();
    this.maxLagMs = Math.max(this.maxLagMs, sentAt - t);
    this.open++;
    const abort = new AbortController();
    let recorded = false;
    const timer = setTimeout(() => {
      if (recorded) return;
      recorded = true;
      abort.abort();
      this.client.onTimeout?.();
      this.record({ seq, t, ok: false, latencyMs: timeoutMs, error: "timeout", detail: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    const attempt = this.safeAttempt(abort.signal, seq).then((outcome) => {
      if (recorded) return;
      recorded = true;
      clearTimeout(timer);
      this.record(judge({ seq, t }, outcome, clock.now() - sentAt, this.info.latencyBoundMs));
    });
    this.attempts.add(attempt);
    void attempt.finally(() => this.attempts.delete(attempt));
  }

  private async safeAttempt(signal: AbortSignal, seq: number): Promise<Outcome> {
    try {
      return await this.client.attempt(signal, seq);
    } catch (error) {
      return { ok: false, ...this.client.classify(error) };
    }
  }

  private record(sample: Sample): void {
    this.open--;
    this.order!.put(sample);
    if (this.open === 0 && this.idle) this.idle();
  }
}

/** An answer slower than the bound is a disrupted sample ("slow"), even if correct. */
function judge(at: { seq: number; t: number }, outcome: Outcome, latencyMs: number, boundMs: number): Sample {
  if (!outcome.ok) return { ...at, latencyMs, ok: false, error: outcome.error, ...(outcome.detail ? { detail: outcome.detail } : {}) };
  if (latencyMs > boundMs) return { ...at, latencyMs, ok: false, error: "slow", detail: `${latencyMs.toFixed(1)} ms > bound ${boundMs} ms` };
  return { ...at, latencyMs, ok: true };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
