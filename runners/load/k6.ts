// Load from k6, when it is installed: `k6 run --out json=FILE … script`, with
// FILE tailed while k6 writes it and every HTTP request turned into a sample
// (k6-pairing.ts). The drill ends k6 with SIGINT (SIGKILL after a bound).
//
// Clock mixing: k6 stamps points with wall-clock time. A sample's drill time is
// t = (end − http_req_duration) − clock.originWallMs, i.e. k6's wall clock read
// against the drill clock's wall anchor. The two agree only while the wall clock
// does not jump: an NTP step during the drill shifts every later k6 sample by
// the step, and the anchor itself has millisecond resolution. http_req_duration
// excludes DNS, connecting and waiting for a free connection, so t is the moment
// the request was written, not when the iteration began. Fine for charting the
// load beside the probes; RTO is measured by the probes, never from k6 samples.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../core/clock.ts";
import type { ProbeInfo, Sample } from "../probes/sample.ts";
import { FileTail } from "./file-tail.ts";
import { k6Args, k6Env } from "./k6-args.ts";
import { judgeK6Exit } from "./k6-exit.ts";
import { parseK6Line } from "./k6-json.ts";
import { K6Pairing, type K6Request } from "./k6-pairing.ts";
import { K6Process } from "./k6-process.ts";
import type { LoadGenerator, LoadResult, LoadStats } from "./load.ts";
import type { LoadSpec } from "./spec.ts";
import { TimeOrder } from "./time-order.ts";

export interface K6Options {
  k6Path: string;
  /** The script, resolved to a path that exists. */
  script: string;
  /** How long k6 gets to exit after SIGINT before SIGKILL (default 10 s). */
  stopGraceMs?: number;
  /** How often the output file is read (default 100 ms). */
  pollMs?: number;
}

export class K6Load implements LoadGenerator {
  readonly which = "k6" as const;
  readonly why: string;
  readonly info: ProbeInfo;
  private clock: Clock | undefined;
  private proc: K6Process | undefined;
  private tail: FileTail | undefined;
  private order: TimeOrder | undefined;
  private readonly pairing = new K6Pairing();
  private poller: NodeJS.Timeout | undefined;
  private capTimer: NodeJS.Timeout | undefined;
  private stopping: Promise<LoadResult> | undefined;
  private outDir: string | undefined;
  private requests = 0;
  private readErrors: string[] = [];

  constructor(
    private readonly spec: LoadSpec,
    private readonly o: K6Options,
  ) {
    this.why = `k6 at ${o.k6Path}`;
    this.info = { name: spec.name, kind: "k6", target: `${o.script} → ${k6Env(spec).BASE_URL}`, rateHz: spec.rateHz, timeoutMs: spec.timeoutMs, latencyBoundMs: spec.timeoutMs };
  }

  start(clock: Clock, onSample: (s: Sample) => void): void {
    if (this.clock) throw new Error(`load "${this.info.name}" was already started`);
    this.clock = clock;
    this.outDir = mkdtempSync(join(tmpdir(), "drill-k6-"));
    const outFile = join(this.outDir, "out.json");
    this.order = new TimeOrder(this.spec.timeoutMs + 1_500, onSample);
    this.tail = new FileTail(outFile, (line) => this.onLine(line));
    this.proc = new K6Process(this.o.k6Path, k6Args(this.spec, this.o.script, outFile));
    this.poller = setInterval(() => void this.poll(), this.o.pollMs ?? 100);
    // The script gets DURATION; this holds even for a script that ignores it.
    this.capTimer = setTimeout(() => void this.stop(), this.spec.durationCapMs + 5_000);
  }

  stats(): LoadStats {
    return { samples: this.order?.delivered ?? 0, shed: 0, inFlight: 0, maxInFlightSeen: 0, maxLagMs: 0 };
  }

  stop(): Promise<LoadResult> {
    this.stopping ??= this.finish();
    return this.stopping;
  }

  private async finish(): Promise<LoadResult> {
    clearInterval(this.poller);
    clearTimeout(this.capTimer);
    if (!this.proc) return { which: "k6", requests: 0, detail: "k6 was never started" };
    const exit = await this.proc.stop(this.o.stopGraceMs ?? 10_000);
    const { tornLine } = await this.tail!.close().catch((e: Error) => (this.readErrors.push(e.message), { tornLine: false }));
    for (const r of this.pairing.flush()) this.emit(r);
    this.order!.release(Infinity);
    if (this.outDir) rmSync(this.outDir, { recursive: true, force: true });
    const judged = judgeK6Exit(exit, this.proc.interrupted);
    const notes = [
      judged.summary,
      exit.spawnError && `could not start ${this.o.k6Path}: ${exit.spawnError}`,
      judged.error && this.proc.lastOutput() && `k6 said: ${this.proc.lastOutput()}`,
      this.order!.late > 0 && `${this.order!.late} samples arrived after later ones were delivered`,
      this.pairing.unpaired > 0 && `${this.pairing.unpaired} http_req_failed points without a duration`,
      tornLine && "the output's last line was torn",
      ...this.readErrors.slice(0, 2).map((e) => `reading k6 output: ${e}`),
    ].filter(Boolean);
    return {
      which: "k6",
      ...(judged.exitCode !== undefined ? { exitCode: judged.exitCode } : {}),
      ...(judged.thresholdsFailed !== undefined ? { thresholdsFailed: judged.thresholdsFailed } : {}),
      requests: this.requests,
      detail: notes.join("; "),
    };
  }

  private async poll(): Promise<void> {
    try {
      await this.tail!.poll();
    } catch (error) {
      if (this.readErrors.length < 5) this.readErrors.push((error as Error).message);
    }
    this.order!.release(this.clock!.now());
  }

  private onLine(line: string): void {
    const point = parseK6Line(line);
    if (point) for (const r of this.pairing.push(point)) this.emit(r);
  }

  private emit(r: K6Request): void {
    this.requests++;
    const t = r.endWallMs - r.durationMs - this.clock!.originWallMs;
    const base = { t, latencyMs: r.durationMs };
    this.order!.put(r.ok ? { ...base, ok: true } : { ...base, ok: false, ...(r.error ? { error: r.error } : {}), ...(r.detail ? { detail: r.detail } : {}) });
  }
}
