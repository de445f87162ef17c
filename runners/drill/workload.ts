// The drill's clients: probes sampling the service and ledger writers writing
// to it, all open loop on the drill clock. Samples go to the event stream as
// they come; measurement streams start at t0, fed first with the baseline
// samples kept until then (only the baseline, so memory stays bounded).
import type { Clock } from "../clock.ts";
import { createLedger, type LedgerWriter } from "../ledger/create-ledger.ts";
import type { LedgerWrite } from "../ledger/record.ts";
import { ProbeMeasureStream } from "../measure/index.ts";
import { createProbe, type Probe, type Sample } from "../probes/index.ts";
import type { EventBus } from "./bus.ts";
import { createLoad, type LoadGenerator, type LoadResult } from "../load/index.ts";

export class Workload {
  readonly probes: Probe[];
  readonly ledgers: LedgerWriter[];
  readonly writes = new Map<string, LedgerWrite[]>();
  private streams: ProbeMeasureStream[] | undefined;
  private baseline: Sample[][];
  private keepFrom = Infinity;
  /** Some probe saw a disrupted sample since measuring began (t0). */
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
    this.baseline = this.probes.map(() => []);
    this.lastBad = this.probes.map(() => -Infinity);
    this.first = this.probes.map(() => Infinity);
    this.overall = this.probes.map(() => ({ ok: 0, total: 0 }));
  }

  startProbes(): void {
    this.probes.forEach((p, i) => p.start(this.clock, (s) => this.onSample(i, s)));
    this.load?.start(this.clock, (s) => this.bus.emit({ type: "sample", probe: this.load!.info.name, ...s }));
  }

  private onSample(i: number, s: Sample): void {
    this.bus.emit({ type: "sample", probe: this.probes[i]!.info.name, ...s });
    if (this.first[i] === Infinity) this.first[i] = s.t;
    this.overall[i]!.total += 1;
    if (s.ok) this.overall[i]!.ok += 1;
    if (!s.ok) this.lastBad[i] = s.t;
    if (this.streams) {
      this.streams[i]!.push(s);
      if (!s.ok) this.disruptionSeen = true;
    }
    else if (s.t >= this.keepFrom) this.baseline[i]!.push(s);
  }

  /** True when every probe has been healthy for the last `ms` (and sampling that long). */
  steadyFor(ms: number): boolean {
    const now = this.clock.now();
    return this.probes.every((_, i) => now - this.first[i]! >= ms && now - Math.max(this.lastBad[i]!, this.first[i]!) >= ms);
  }

  /** Samples from now on are the baseline: kept for the "before" figures. */
  markBaseline(): void {
    this.keepFrom = this.clock.now();
  }

  async startLedgers(): Promise<void> {
    await Promise.all(this.ledgers.map((l) => l.prepare()));
    for (const l of this.ledgers) {
      const list: LedgerWrite[] = [];
      this.writes.set(l.info.name, list);
      l.start(this.clock, (w) => {
        list.push(w);
        this.bus.emit({ type: "write", ledger: l.info.name, ...w });
      });
    }
  }

  /** t0 is known: measurement starts, with the baseline replayed into it. */
  startMeasuring(t0: number, stableForMs: number): void {
    this.streams = this.probes.map((p, i) => {
      const stream = new ProbeMeasureStream({ probe: p.info.name, rateHz: p.info.rateHz, t0, stableForMs });
      for (const s of this.baseline[i]!) stream.push(s);
      return stream;
    });
    this.baseline = [];
  }

  get measuring(): ProbeMeasureStream[] {
    return this.streams ?? [];
  }

  allRecovered(): boolean {
    return this.measuring.length > 0 && this.measuring.every((s) => s.isRecovered);
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
