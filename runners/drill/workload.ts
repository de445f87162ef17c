// The drill's clients: probes sampling the service and ledger writers writing
// to it, all open loop on the drill clock. Each is a sampler of one path of the
// service (a probe of the path it uses, a ledger writer of the write path): a
// failed or timed-out write is a disrupted sample exactly like a failed probe.
// Samples go to the event stream as they come; measurement streams start once
// the inject window is known, fed first with the samples kept since the
// baseline began (only those, so memory stays bounded).
import type { Clock } from "../../core/clock.ts";
import { createLedger, type LedgerWriter } from "../ledger/create-ledger.ts";
import type { LedgerWrite } from "../ledger/record.ts";
import { ProbeMeasureStream } from "../measure/index.ts";
import { InOrder } from "../probes/in-order.ts";
import { createProbe, type Probe, type Sample } from "../probes/index.ts";
import type { EventBus } from "./bus.ts";
import { createLoad, type LoadGenerator, type LoadResult } from "../load/index.ts";

/** One sampler's state: its measurement stream once measuring, its kept samples before. */
interface Sampler {
  name: string;
  path: "read" | "write";
  source: "probe" | "ledger";
  rateHz: number;
  kept: Sample[];
  stream?: ProbeMeasureStream;
}

export class Workload {
  readonly probes: Probe[];
  readonly ledgers: LedgerWriter[];
  readonly writes = new Map<string, LedgerWrite[]>();
  private readonly samplers: Sampler[];
  private measuringFrom: { t: number; stableForMs: number } | undefined;
  private keepFrom = Infinity;
  /** Some sampler saw a disrupted sample since measuring began. */
  disruptionSeen = false;
  /** Per probe: send time of the last unhealthy sample and of the first sample. */
  private readonly lastBad: number[];
  private readonly first: number[];
  /** Healthy and total samples per probe over the whole drill. */
  readonly overall: { ok: number; total: number }[];

  /** Load beside the probes: in the timeline and the journal, never in the RTO (probes measure). */
  readonly load: LoadGenerator | undefined;
  loadResult: LoadResult | undefined;

  constructor(probeSpecs: Record<string, unknown>[], ledgerSpecs: Record<string, unknown>[], private readonly bus: EventBus, private readonly clock: Clock, loadSpec?: Record<string, unknown>) {
    this.probes = probeSpecs.map((s) => createProbe(s));
    this.load = loadSpec ? createLoad(loadSpec) : undefined;
    this.ledgers = ledgerSpecs.map((s) => createLedger(s));
    this.samplers = [
      ...this.probes.map((p) => ({ name: p.info.name, path: p.info.servicePath ?? "read", source: "probe" as const, rateHz: p.info.rateHz, kept: [] })),
      ...this.ledgers.map((l) => ({ name: l.info.name, path: "write" as const, source: "ledger" as const, rateHz: l.info.rateHz, kept: [] })),
    ];
    this.lastBad = this.probes.map(() => -Infinity);
    this.first = this.probes.map(() => Infinity);
    this.overall = [...this.probes, ...this.ledgers].map(() => ({ ok: 0, total: 0 }));
  }

  startProbes(): void {
    this.probes.forEach((p, i) => p.start(this.clock, (s) => this.onProbeSample(i, s)));
    this.load?.start(this.clock, (s) => this.bus.emit({ type: "sample", probe: this.load!.info.name, ...s }));
  }

  private onProbeSample(i: number, s: Sample): void {
    this.bus.emit({ type: "sample", probe: this.probes[i]!.info.name, ...s });
    if (this.first[i] === Infinity) this.first[i] = s.t;
    if (!s.ok) this.lastBad[i] = s.t;
    this.onSample(i, s);
  }

  /** Every sampler's samples, in send order. */
  private onSample(i: number, s: Sample): void {
    this.overall[i]!.total += 1;
    if (s.ok) this.overall[i]!.ok += 1;
    const sampler = this.samplers[i]!;
    if (sampler.stream) {
      sampler.stream.push(s);
      if (!s.ok && s.t >= this.measuringFrom!.t) this.disruptionSeen = true;
    } else if (s.t >= this.keepFrom) sampler.kept.push(s);
  }

  /** True when every probe has been healthy for the last `ms` (and sampling that long). */
  steadyFor(ms: number): boolean {
    const now = this.clock.now();
    return this.probes.every((_, i) => now - this.first[i]! >= ms && now - Math.max(this.lastBad[i]!, this.first[i]!) >= ms);
  }

  /** Samples from now on are kept: the baseline's "before" figures, and the inject window's onset. */
  markBaseline(): void {
    this.keepFrom = this.clock.now();
  }

  async startLedgers(): Promise<void> {
    await Promise.all(this.ledgers.map((l) => l.prepare()));
    this.ledgers.forEach((l, k) => {
      const i = this.probes.length + k;
      const list: LedgerWrite[] = [];
      this.writes.set(l.info.name, list);
      // Writes finish out of order (a timeout lands late); the write path is measured in send order.
      const inOrder = new InOrder((s) => this.onSample(i, s));
      l.start(this.clock, (w) => {
        list.push(w);
        this.bus.emit({ type: "write", ledger: l.info.name, ...w });
        inOrder.put(writeSample(w, l.info.timeoutMs));
      });
    });
  }

  /**
   * Measuring starts at the inject window's start (the onset lies inside it and
   * is found from these samples at the end), with the kept samples replayed.
   */
  startMeasuring(windowStart: number, stableForMs: number): void {
    this.measuringFrom = { t: windowStart, stableForMs };
    for (const s of this.samplers) {
      s.stream = new ProbeMeasureStream({ probe: s.name, path: s.path, source: s.source, rateHz: s.rateHz, t0: windowStart, stableForMs });
      for (const k of s.kept) {
        s.stream.push(k);
        if (!k.ok && k.t >= windowStart) this.disruptionSeen = true;
      }
      s.kept = [];
    }
  }

  /** Every sampler's measurement stream (probes first, then ledger writers). */
  get measuring(): ProbeMeasureStream[] {
    return this.samplers.flatMap((s) => (s.stream ? [s.stream] : []));
  }

  /**
   * Done observing the fault: some sampler was disrupted, and every sampler has
   * either recovered or not been disrupted at all for `quietMs` since t0.
   */
  allRecovered(quietOver = false): boolean {
    const streams = this.measuring;
    return streams.length > 0 && this.disruptionSeen && streams.every((s) => s.isRecovered || (quietOver && !s.inOutage));
  }

  /** Heal begins: from now on a disruption is the heal's own (failback), measured apart. */
  armHeal(at: number): void {
    for (const s of this.measuring) s.armHeal(at);
  }

  /** No sampler is in a disruption that began after heal. */
  healSettled(): boolean {
    return this.measuring.every((s) => s.healSettled);
  }

  async stop(): Promise<void> {
    const [result] = await Promise.all([this.load && !this.loadResult ? this.load.stop() : undefined, ...this.probes.map((p) => p.stop()), ...this.ledgers.map((l) => l.stop())]);
    this.loadResult ??= result;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.ledgers.map((l) => l.close()));
    for (const s of this.measuring) s.destroy();
  }
}

/** A write as a sample of the write path: acknowledged is healthy; failed or timed out is disrupted. */
export function writeSample(w: LedgerWrite, timeoutMs: number): Sample {
  if (w.ackAt !== undefined) return { seq: w.seq, t: w.t, ok: true, latencyMs: w.ackAt - w.t };
  const latencyMs = w.failedAt !== undefined ? w.failedAt - w.t : timeoutMs;
  return { seq: w.seq, t: w.t, ok: false, latencyMs, error: w.errorClass ?? "error", ...(w.error ? { detail: w.error } : {}) };
}
