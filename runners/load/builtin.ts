// The built-in load generator: open loop at a constant arrival rate. Request k
// is due at start + k / rate on the drill clock — scheduled against the clock,
// not by chaining timers, so jitter never accumulates into a lower rate — and
// goes out whether or not earlier ones answered (no coordinated omission).
// In-flight requests are capped: a send beyond the cap is recorded as a shed
// sample ("timeout", not sent) instead of queueing, so a server that stops
// answering costs bounded memory and sockets, and the outage still shows.
// Sample times follow the probes' rule (open-loop.ts): `t` is the actual send
// time, strictly increasing; `intendedT` is added when the send was ≥ 1 ms late.
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.ts";
import { classifyNetworkError } from "../probes/classify.ts";
import { InOrder } from "../probes/in-order.ts";
import type { Outcome } from "../probes/probe.ts";
import type { ProbeInfo, Sample } from "../probes/sample.ts";
import { Deadlines, type Open } from "./deadlines.ts";
import { HttpSender } from "./http-sender.ts";
import type { LoadGenerator, LoadResult, LoadStats } from "./load.ts";
import { prepare, WeightedMix, type PreparedRequest } from "./mix.ts";
import type { LoadSpec } from "./spec.ts";

type At = Pick<Sample, "seq" | "t" | "intendedT">;
interface Request extends Open { at: At }

const SWEEP_MS = 25;

export class BuiltinLoad implements LoadGenerator {
  readonly which = "builtin" as const;
  why = "built-in generator";
  readonly info: ProbeInfo;
  private clock: Clock | undefined;
  private order: InOrder | undefined;
  private running = false;
  private stopping: Promise<LoadResult> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private startAt = 0;
  private nextSeq = 0;
  private lastT = -Infinity;
  private outstanding = 0;
  private counts = { sent: 0, shed: 0, recorded: 0, maxSeen: 0, maxLagMs: 0 };
  private capped = false;
  private readonly deadlines = new Deadlines();
  private readonly requests: PreparedRequest[];
  private readonly mix: WeightedMix;
  private readonly sender: HttpSender;
  private readonly intervalMs: number;

  constructor(private readonly spec: LoadSpec) {
    this.requests = spec.targets.map(prepare);
    this.mix = new WeightedMix(spec.targets.map((t) => t.weight));
    this.sender = new HttpSender({ connections: spec.maxInFlight, timeoutMs: spec.timeoutMs, run: randomBytes(4).toString("hex") });
    this.intervalMs = 1000 / spec.rateHz;
    const more = spec.targets.length > 1 ? ` (+${spec.targets.length - 1} more)` : "";
    this.info = { name: spec.name, kind: "http", target: `${spec.targets[0]!.url}${more}`, rateHz: spec.rateHz, timeoutMs: spec.timeoutMs, latencyBoundMs: spec.timeoutMs };
  }

  start(clock: Clock, onSample: (s: Sample) => void): void {
    if (this.clock) throw new Error(`load "${this.info.name}" was already started`);
    this.clock = clock;
    this.order = new InOrder((s) => (this.counts.recorded++, onSample(s)));
    this.running = true;
    this.startAt = clock.now();
    this.sweeper = setInterval(this.sweep, SWEEP_MS);
    this.tick();
  }

  stats(): LoadStats {
    const c = this.counts;
    return { samples: c.recorded, shed: c.shed, inFlight: this.outstanding, maxInFlightSeen: c.maxSeen, maxLagMs: c.maxLagMs };
  }

  stop(): Promise<LoadResult> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private async drain(): Promise<LoadResult> {
    this.running = false;
    clearTimeout(this.timer);
    // Bounded: every open request is recorded as a timeout by its deadline.
    const until = Date.now() + this.spec.timeoutMs + 1_000;
    while (this.deadlines.pending > 0 && Date.now() < until) await delay(SWEEP_MS);
    clearInterval(this.sweeper);
    await this.sender.close();
    const { sent, shed } = this.counts;
    const cap = this.capped ? `; stopped at the duration cap of ${this.spec.durationCapMs} ms` : "";
    return { which: "builtin", requests: sent, shed, detail: `built-in: ${sent} requests at ${this.spec.rateHz}/s, ${shed} shed (cap ${this.spec.maxInFlight} in flight)${cap}` };
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (!this.running || !this.clock) return;
    const now = this.clock.now();
    for (let at = this.dueAt(this.nextSeq); at <= now; at = this.dueAt(this.nextSeq)) {
      if (at - this.startAt > this.spec.durationCapMs) return void ((this.capped = true), (this.running = false));
      this.send(this.nextSeq++, at);
    }
    this.timer = setTimeout(this.tick, Math.max(0, this.dueAt(this.nextSeq) - this.clock.now()));
  };

  private dueAt(seq: number): number {
    return this.startAt + seq * this.intervalMs;
  }

  private send(seq: number, dueAt: number): void {
    const sentAt = this.sendTime();
    const lag = sentAt - dueAt;
    if (lag > this.counts.maxLagMs) this.counts.maxLagMs = lag;
    const at: At = lag >= 1 ? { seq, t: sentAt, intendedT: dueAt } : { seq, t: sentAt };
    if (this.outstanding >= this.spec.maxInFlight) {
      this.counts.shed++;
      const detail = `shed: not sent, ${this.outstanding} requests already in flight`;
      this.order!.put({ ...at, ok: false, latencyMs: this.spec.timeoutMs, error: "timeout", detail });
      return;
    }
    const req: Request = { seq, sentAt, done: false, at };
    this.deadlines.add(req);
    this.counts.sent++;
    if (++this.outstanding > this.counts.maxSeen) this.counts.maxSeen = this.outstanding;
    this.sender.send(this.requests[this.mix.next()]!, seq).then(
      (outcome) => this.answered(req, outcome),
      (error: unknown) => this.answered(req, { ok: false, ...classifyNetworkError(error) }),
    );
  }

  private answered(req: Request, outcome: Outcome): void {
    this.outstanding--;
    if (req.done) return; // already recorded as a timeout
    req.done = true;
    const latencyMs = this.clock!.now() - req.sentAt;
    const { timeoutMs } = this.spec;
    // Answered after its deadline but before the next sweep: still a timeout, as a probe would record it.
    if (latencyMs > timeoutMs) return this.order!.put({ ...req.at, ok: false, latencyMs: timeoutMs, error: "timeout", detail: `no answer within ${timeoutMs} ms` });
    const base = { ...req.at, latencyMs };
    this.order!.put(outcome.ok ? { ...base, ok: true } : { ...base, ok: false, error: outcome.error, ...(outcome.detail ? { detail: outcome.detail } : {}) });
  }

  private readonly sweep = (): void => {
    if (!this.clock) return;
    const { timeoutMs } = this.spec;
    this.deadlines.sweep(this.clock.now() - timeoutMs, (r) => {
      const { at } = r as Request;
      this.order!.put({ ...at, ok: false, latencyMs: timeoutMs, error: "timeout", detail: `no answer within ${timeoutMs} ms` });
    });
  };

  /** Now, but strictly after the previous send: consumers rely on strictly increasing t. */
  private sendTime(): number {
    const now = this.clock!.now();
    this.lastT = now > this.lastT ? now : this.lastT + 1e-6;
    return this.lastT;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
