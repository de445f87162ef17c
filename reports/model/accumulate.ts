// Builds a DrillModel from journal records visited one at a time, so a long drill
// streams through in bounded memory: samples and writes go into down-sampled
// series; phases, fault events and notes into a capped log.
import { basename } from "node:path";
import type { DrillStartedT, FaultEventT, JournalRecordT, ReadBackRecordT, SummaryT } from "../../journal/format.ts";
import { JournalInputError } from "../../journal/read.ts";
import { hazardContext, planContext } from "./context.ts";
import type { DrillModel, LogEntry } from "./drill-model.ts";
import { faultWindows } from "./fault-windows.ts";
import { FocusCollector } from "./focus.ts";
import { SeriesSet } from "./series-set.ts";

const LOG_CAP = 400;

export class DrillAccumulator {
  private started?: DrillStartedT;
  private summary?: SummaryT;
  private whole?: SeriesSet;
  private focus?: FocusCollector;
  private readonly log: LogEntry[] = [];
  private readonly faultEvents: FaultEventT[] = [];
  private readonly readbacks: ReadBackRecordT[] = [];
  private readonly counts = { samples: 0, writes: 0, notes: 0, faultEvents: 0, phases: 0 };
  private logDropped = 0;
  private records = 0;
  private start = Infinity;
  private end = -Infinity;

  constructor(private readonly file: string) {}

  add(r: JournalRecordT, lineNo: number): void {
    if (this.records++ === 0 && r.type !== "drill-started") {
      throw new JournalInputError(`${this.file}:${lineNo}: a journal starts with a drill-started record, not "${r.type}"`);
    }
    if ("t" in r) this.span(r.t);
    switch (r.type) {
      case "drill-started": return this.begin(r, lineNo);
      case "sample":
        this.counts.samples++;
        this.whole!.sample(r);
        return this.focus!.add(r);
      case "write":
        this.counts.writes++;
        if (r.ackAt !== undefined) this.span(r.ackAt);
        this.whole!.write(r);
        return this.focus!.add(r);
      case "phase": this.counts.phases++; return this.note({ t: r.t, source: "phase", what: r.phase, status: r.status, detail: r.detail ?? "" });
      case "fault":
        this.counts.faultEvents++;
        this.faultEvents.push(r);
        if (r.event === "injected") this.focus!.open(r.t);
        return this.note({ t: r.t, source: "fault", what: r.kind, status: r.event, detail: [r.detail, r.target && JSON.stringify(r.target)].filter(Boolean).join(" ") });
      case "note": this.counts.notes++; return this.note({ t: r.t, source: "note", what: r.level, status: "", detail: r.message });
      case "readback": this.readbacks.push(r); return;
      case "summary": this.summary = r; return;
      default: return this.other(r);
    }
  }

  finish(meta: { sha256: string; bytes: number }): DrillModel {
    const started = this.started;
    if (!started) throw new JournalInputError(`${this.file}:1: empty journal: no drill-started record`);
    const s = this.summary;
    const windows = faultWindows(this.faultEvents);
    const t0 = s?.t0 ?? windows[0]?.from;
    const span = Number.isFinite(this.start) ? { start: this.start, end: this.end } : { start: 0, end: 0 };
    const whole = this.whole!.finish(s);
    const focus = this.focus!.finish(s, span);
    return {
      file: this.file,
      name: basename(this.file),
      ...meta,
      records: this.records,
      started,
      summary: s,
      outcome: s?.outcome ?? "interrupted",
      reason: s ? s.reason : "the journal ends without a summary: the drill was killed or is still running",
      t0,
      span,
      faultWindows: windows,
      faultEvents: this.faultEvents,
      log: this.log.sort((a, b) => a.t - b.t),
      logDropped: this.logDropped,
      readbacks: this.readbacks,
      ...whole,
      // A close view only pays when the drill is much longer than the window around the fault.
      focus: focus && span.end - span.start > 2.5 * (focus.domain[1] - focus.domain[0]) ? focus : undefined,
      context: planContext(started.service),
      hazard: hazardContext(started.hazard),
      counts: this.counts,
    };
  }

  private begin(r: DrillStartedT, lineNo: number): void {
    if (this.started) throw new JournalInputError(`${this.file}:${lineNo}: a second drill-started record; one journal holds one drill`);
    this.started = r;
    this.whole = new SeriesSet(r);
    this.focus = new FocusCollector(r);
  }

  /** Record types added to the format after this renderer (game-day steps …) still reach the log. */
  private other(r: unknown): void {
    const o = r as { type?: unknown; t?: unknown; event?: unknown; step?: unknown; by?: unknown; note?: unknown };
    if (typeof o.t !== "number") return;
    const detail = [o.step, o.by && `by ${String(o.by)}`, o.note].filter((x) => typeof x === "string" && x !== "").join(" ");
    this.note({ t: o.t, source: String(o.type), what: String(o.step ?? o.type), status: typeof o.event === "string" ? o.event : "", detail });
  }

  private note(e: LogEntry): void {
    if (this.log.length < LOG_CAP || e.source !== "note") this.log.push(e);
    else this.logDropped++;
  }

  private span(t: number): void {
    if (t < this.start) this.start = t;
    if (t > this.end) this.end = t;
  }
}
