// The built-in load generator: open loop at a constant arrival rate. Request k
// is due at start + k / rate on the drill clock — scheduled against the clock,
// not by chaining timers, so jitter never accumulates into a lower rate — and
// goes out whether or not earlier ones answered (no coordinated omission).
// In-flight requests are capped: a send beyond the cap is recorded as a shed
// sample ("timeout", not sent) instead of queueing, so a server that stops
// answering costs bounded memory and sockets, and the outage still shows.
// How requests are scheduled and timestamped is in
// runners/schedule/open-loop-schedule.ts. The
// per-request path allocates little and spreads nothing: it runs thousands of
// times a second (bench/load-bench.ts).
import { randomBytes } from "node:crypto";
import type { Clock } from "../../core/clock.ts";
import type { Outcome } from "../probes/probe.ts";
import type { ProbeInfo, Sample } from "../probes/sample.ts";
import { Deadlines, type Open } from "./deadlines.ts";
import { HttpSender, type Exchange } from "./http-sender.ts";
import { InOrder } from "../probes/in-order.ts";
import type { LoadGenerator, LoadResult, LoadStats } from "./load.ts";
import { prepare, WeightedMix, type PreparedRequest } from "./mix.ts";
import { OpenLoopSchedule } from "../schedule/open-loop-schedule.ts";
import type { LoadSpec } from "./spec.ts";

interface Request extends Open {
  intendedT: number | undefined;
  exchange: Exchange | undefined;
}

const SWEEP_MS = 25;

export class BuiltinLoad implements LoadGenerator {
  readonly which = "builtin" as const;
  why = "built-in generator";
  readonly info: ProbeInfo;
  private clock: Clock | undefined;
  private schedule: OpenLoopSchedule | undefined;
  private order: InOrder | undefined;
  private stopping: Promise<LoadResult> | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private outstanding = 0;
  private counts = { sent: 0, shed: 0, maxSeen: 0 };
  private shedStreak = 0;
  private readonly deadlines = new Deadlines();
  private readonly requests: PreparedRequest[];
  private readonly mix: WeightedMix;
  private readonly sender: HttpSender;
  private readonly timeoutDetail: string;

  constructor(private readonly spec: LoadSpec) {
    this.requests = spec.targets.map(prepare);
    this.mix = new WeightedMix(spec.targets.map((t) => t.weight));
    this.sender = new HttpSender({ connections: spec.maxInFlight, timeoutMs: spec.timeoutMs, run: randomBytes(4).toString("hex") });
    this.timeoutDetail = `no answer within ${spec.timeoutMs} ms`;
    const more = spec.targets.length > 1 ? ` (+${spec.targets.length - 1} more)` : "";
    this.info = { name: spec.name, kind: "http", target: `${spec.targets[0]!.url}${more}`, rateHz: spec.rateHz, timeoutMs: spec.timeoutMs, latencyBoundMs: spec.timeoutMs };
  }

  start(clock: Clock, onSample: (s: Sample) => void): void {
    if (this.clock) throw new Error(`load "${this.info.name}" was already started`);
    this.clock = clock;
    this.order = new InOrder(onSample);
    this.schedule = new OpenLoopSchedule(clock, { rateHz: this.spec.rateHz, capMs: this.spec.durationCapMs }, this.send);
    this.sweeper = setInterval(this.sweep, SWEEP_MS);
    this.schedule.start();
  }

  stats(): LoadStats {
    const c = this.counts;
    return { samples: this.order?.delivered ?? 0, shed: c.shed, inFlight: this.outstanding, maxInFlightSeen: c.maxSeen, maxLagMs: this.schedule?.maxLagMs ?? 0 };
  }

  stop(): Promise<LoadResult> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<LoadResult> {
    this.schedule?.stop();
    // Bounded: every open request is recorded as a timeout by its deadline.
    const until = Date.now() + this.spec.timeoutMs + 1_000;
    while (this.deadlines.pending > 0 && Date.now() < until) await delay(SWEEP_MS);
    clearInterval(this.sweeper);
    await this.sender.close();
    const { sent, shed } = this.counts;
    const cap = this.schedule?.capped ? `; stopped at the duration cap of ${this.spec.durationCapMs} ms` : "";
    return { which: "builtin", requests: sent, shed, detail: `built-in: ${sent} requests at ${this.spec.rateHz}/s, ${shed} shed (cap ${this.spec.maxInFlight} in flight)${cap}` };
  }

  private readonly send = (seq: number, t: number, intendedT: number | undefined): void => {
    if (this.outstanding >= this.spec.maxInFlight) return this.shed(seq, t, intendedT);
    this.shedStreak = 0;
    const req: Request = { seq, sentAt: t, done: false, intendedT, exchange: undefined };
    this.deadlines.add(req);
    this.counts.sent++;
    if (++this.outstanding > this.counts.maxSeen) this.counts.maxSeen = this.outstanding;
    req.exchange = this.sender.send(this.requests[this.mix.next()]!, seq, (outcome) => this.answered(req, outcome));
  };

  private shed(seq: number, t: number, intendedT: number | undefined): void {
    this.counts.shed++;
    const sample: Sample = { seq, t, ok: false, latencyMs: this.spec.timeoutMs, error: "timeout" };
    if (intendedT !== undefined) sample.intendedT = intendedT;
    // A detail for the first sheds of a streak only: at full overload this runs thousands of times a second.
    if (this.shedStreak++ < 3) sample.detail = `shed: not sent, ${this.outstanding} requests already in flight`;
    this.order!.put(sample);
  }

  private answered(req: Request, outcome: Outcome): void {
    this.outstanding--;
    if (req.done) return; // already recorded as a timeout
    req.done = true;
    const latencyMs = this.clock!.now() - req.sentAt;
    // Answered after its deadline but before the next sweep: still a timeout, as a probe would record it.
    if (latencyMs > this.spec.timeoutMs) return this.timedOut(req);
    const sample: Sample = { seq: req.seq, t: req.sentAt, ok: outcome.ok, latencyMs };
    if (req.intendedT !== undefined) sample.intendedT = req.intendedT;
    if (!outcome.ok) {
      sample.error = outcome.error;
      if (outcome.detail) sample.detail = outcome.detail;
    }
    this.order!.put(sample);
  }

  private timedOut(req: Request): void {
    const sample: Sample = { seq: req.seq, t: req.sentAt, ok: false, latencyMs: this.spec.timeoutMs, error: "timeout", detail: this.timeoutDetail };
    if (req.intendedT !== undefined) sample.intendedT = req.intendedT;
    this.order!.put(sample);
  }

  private readonly sweep = (): void => {
    if (!this.clock) return;
    this.deadlines.sweep(this.clock.now() - this.spec.timeoutMs, (r) => {
      this.timedOut(r as Request);
      (r as Request).exchange?.abort(); // frees its connection; `answered` then only counts it out
    });
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
