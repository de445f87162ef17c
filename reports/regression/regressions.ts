// Regression detection: a drill whose measured RTO or data-loss window got
// markedly worse than the service's own recent history, even while still within
// the objective — the early warning an objective alone gives too late. The
// baseline is the median of the last `window` earlier drills of the same
// scenario on the same stack (the median, so one bad night in the history does
// not hide the next). Flagged when measured > factor × baseline and the
// difference exceeds the measurement's resolution (the probe or ledger
// interval): a 40 ms RTO against a 20 ms median at a 50 ms resolution is noise.
// Figures that were not measured (not recovered, no read-back) are failures the
// verdicts already report; they are not compared here. Pure: journals in, list out.
import type { DrillStartedT, SummaryT } from "../../journal/format.ts";
import type { Journal } from "../../journal/read.ts";
import { median } from "../../core/stats.ts";

export type RegressionFigure = "rto" | "data-loss";

export interface Regression {
  stack: string;
  scenario: string;
  service: string;
  figure: RegressionFigure;
  drillId: string;
  file: string;
  startedAt: string;
  measuredMs: number;
  /** Median of the figure over the history drills compared against. */
  baselineMs: number;
  /** measured / baseline; Infinity when the baseline is 0. */
  ratio: number;
  /** How many history drills made the baseline (≤ window). */
  historyN: number;
  objectiveMs?: number;
  withinObjective?: boolean;
}

export interface RegressionOptions {
  /** Worse than this many times the baseline is a regression (default 1.5). */
  factor?: number;
  /** How many of the latest earlier drills make the baseline (default 10). */
  window?: number;
  /** Fewer earlier drills than this: no baseline, nothing flagged (default 3). */
  minHistory?: number;
}

const JUDGED = new Set(["passed", "failed", "inconclusive"]);

interface Point { value: number; resolutionMs: number }

function figureOf(figure: RegressionFigure, started: DrillStartedT, s: SummaryT): Point | undefined {
  if (figure === "rto") {
    const value = s.service.rtoMs ?? (s.service.noDisruption && s.faultConfirmed ? 0 : undefined);
    return value === undefined ? undefined : { value, resolutionMs: s.service.resolutionMs ?? 0 };
  }
  if (s.ledgers.length === 0 || s.ledgers.some((l) => !l.readBack)) return undefined;
  const slowest = Math.min(...started.ledgers.map((l) => l.rateHz).filter((r) => r > 0));
  return { value: Math.max(...s.ledgers.map((l) => l.dataLossWindowMs)), resolutionMs: Number.isFinite(slowest) ? 1000 / slowest : 0 };
}

const keyOf = (j: Journal) => `${j.started.plan.stack}\u0000${j.started.scenario.name}`;
const judged = (j: Journal): j is Journal & { summary: SummaryT } => j.summary !== undefined && JUDGED.has(j.summary.outcome);
const startOf = (j: Journal) => Date.parse(j.started.startedAt);

export function regressions(history: readonly Journal[], current: readonly Journal[], o: RegressionOptions = {}): Regression[] {
  const factor = o.factor ?? 1.5;
  const window = o.window ?? 10;
  const minHistory = o.minHistory ?? 3;
  const past = history.filter(judged).sort((a, b) => startOf(a) - startOf(b));
  const out: Regression[] = [];
  for (const c of current.filter(judged)) {
    const earlier = past.filter((h) => keyOf(h) === keyOf(c) && h.started.drillId !== c.started.drillId && startOf(h) < startOf(c));
    for (const figure of ["rto", "data-loss"] as const) {
      const now = figureOf(figure, c.started, c.summary);
      const base = earlier.map((h) => figureOf(figure, h.started, h.summary)?.value).filter((v): v is number => v !== undefined).slice(-window);
      if (!now || base.length < minHistory) continue;
      const baselineMs = median(base.sort((a, b) => a - b));
      if (!(now.value > factor * baselineMs && now.value - baselineMs > now.resolutionMs)) continue;
      const objectiveMs = figure === "rto" ? c.started.objectivesMs.rto : c.started.objectivesMs.rpo;
      out.push({
        stack: c.started.plan.stack, scenario: c.started.scenario.name, service: c.started.scenario.service, figure,
        drillId: c.started.drillId, file: c.file, startedAt: c.started.startedAt,
        measuredMs: now.value, baselineMs, ratio: baselineMs === 0 ? Infinity : now.value / baselineMs, historyN: base.length,
        ...(objectiveMs !== undefined ? { objectiveMs, withinObjective: now.value <= objectiveMs } : {}),
      });
    }
  }
  return out.sort((a, b) => a.stack.localeCompare(b.stack) || a.scenario.localeCompare(b.scenario) || a.figure.localeCompare(b.figure) || Date.parse(a.startedAt) - Date.parse(b.startedAt));
}
