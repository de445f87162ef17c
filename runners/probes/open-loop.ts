// An open-loop probe: sends on the open-loop schedule
// (runners/schedule/open-loop-schedule.ts) whether or not
// earlier requests returned (no coordinated omission), times each request out,
// judges answers against the latency bound, and delivers samples in send order.
//
// Which time a sample records: `t` is the *actual* send time — the moment the
// request left — because that is the moment whose service state the answer
// describes, and docs/design.md's "recovered at" is a send time. When the event loop
// fell behind and the request went out late, the scheduled time is recorded
// too, as `intendedT`: the lag stays visible (a harness stall is not silently
// folded into the timeline), but it never shifts a sample onto a moment it did
// not observe. Recording only the scheduled time would move a request sent
// after a heal to before it, making RTO look shorter by up to the lag. Latency
// is measured from the actual send, so harness lag is not charged to the service.
import type { Clock } from "../../core/clock.ts";
import { InOrder } from "./in-order.ts";
import { judge, maxInFlightFor, TIMED_OUT, timedOut, type SendTime } from "./judge.ts";
import { OpenLoopSchedule } from "../schedule/open-loop-schedule.ts";
import type { Outcome, Probe, ProbeClient, ScheduleStats } from "./probe.ts";
import type { ProbeInfo, Sample } from "./sample.ts";

export class OpenLoopProbe implements Probe {
  private clock: Clock | undefined;
  private order: InOrder | undefined;
  private stopping: Promise<void> | undefined;
  private schedule: OpenLoopSchedule | undefined;
  private open = 0; // samples sent and not yet recorded
  private idle: (() => void) | undefined;
  private readonly attempts = new Set<Promise<void>>();
  private readonly limit: number;
  private shed = 0;

  constructor(
    readonly info: ProbeInfo,
    private readonly client: ProbeClient,
  ) {
    this.limit = maxInFlightFor(info.rateHz, info.timeoutMs);
  }

  start(clock: Clock, onSample: (sample: Sample) => void): void {
    if (this.clock) throw new Error(`probe "${this.info.name}" was already started`);
    this.clock = clock;
    this.order = new InOrder(onSample);
    // At most 10 ms worth of overdue sends per turn of the event loop (at least 8).
    const burst = Math.max(8, Math.ceil(this.info.rateHz / 100));
    this.schedule = new OpenLoopSchedule(clock, { rateHz: this.info.rateHz, burst }, (seq, t, intendedT) => this.send(seq, t, intendedT));
    this.schedule.start();
  }

  stats(): ScheduleStats {
    const samples = this.order?.delivered ?? 0;
    return { samples, maxLagMs: this.schedule?.maxLagMs ?? 0, shed: this.shed, inFlight: this.attempts.size };
  }

  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<void> {
    this.schedule?.stop();
    // Bounded: every open sample has its own timeout timer.
    if (this.open > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    await this.client.close().catch(() => undefined);
    // Timed-out attempts were aborted and their pools closed; give them a moment to settle.
    await Promise.race([Promise.allSettled([...this.attempts]), delay(2_000)]);
  }

  private send(seq: number, t: number, intendedT: number | undefined): void {
    const at: SendTime = intendedT !== undefined ? { seq, t, intendedT } : { seq, t };
    if (this.attempts.size >= this.limit) {
      this.shed++;
      this.order!.put(timedOut(at, this.info.timeoutMs, `not sent: ${this.attempts.size} requests already in flight`));
      return;
    }
    this.open++;
    this.attempt(at);
  }

  private attempt(at: SendTime): void {
    const { timeoutMs, latencyBoundMs } = this.info;
    const clock = this.clock!;
    const abort = new AbortController();
    let recorded = false;
    // The verdict waits for the check phase (setImmediate): after an event-loop
    // stall, timers run before pending socket reads, and an answer that arrived
    // in time would otherwise be counted as a timeout.
    const onTimeout = (): void => {
      if (recorded) return;
      recorded = true;
      abort.abort(TIMED_OUT);
      this.client.onTimeout?.();
      this.record(timedOut(at, timeoutMs));
    };
    const timer = setTimeout(() => setImmediate(onTimeout), timeoutMs);
    const attempt = this.safeAttempt(abort.signal, at.seq).then((outcome) => {
      if (recorded) return;
      recorded = true;
      clearTimeout(timer);
      this.record(judge(at, outcome, clock.now() - at.t, latencyBoundMs));
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
