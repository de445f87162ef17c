// The trend of one service's exercises over time: measured RTO against the RTO
// objective, and the measured data-loss window against the RPO — each a small
// panel with the objective as a dashed line and each drill a dot (green passed,
// red failed), so drift towards an objective shows before it is missed.
import { humanMs } from "../../core/duration.ts";
import type { ReadinessDrill } from "../readiness/types.ts";
import { el, hline, path, text, title } from "./elements.ts";
import { linear, niceTicks, type Scale } from "./scale.ts";

const W = 460;
const LEFT = 58;
const PANEL = 90;
const DAY = 86_400_000;

export function trendSvg(service: string, drills: readonly ReadinessDrill[], objectives: { rtoObjectiveMs?: number; rpoMs?: number }): string {
  if (drills.length === 0) return "";
  const times = drills.map((d) => Date.parse(d.startedAt));
  const lo = Math.min(...times);
  const hi = Math.max(...times, lo + DAY);
  const x = linear([lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05], [LEFT, W - 12]);
  const rto = panel("RTO", drills, (d) => d.measuredRtoMs, objectives.rtoObjectiveMs, x, 18);
  const rpo = panel("data loss", drills, (d) => d.dataLossMs, objectives.rpoMs, x, 18 + PANEL + 30);
  const axisY = 18 + 2 * PANEL + 30;
  // Dates as labels: a span under three days would repeat one; each date is written once.
  const ticks = distinct([lo, (lo + hi) / 2, hi], (t) => new Date(t).toISOString().slice(0, 10)).map(([t, label]) => text(x(t), axisY + 14, label, { "text-anchor": "middle", class: "tick" })).join("");
  const label = `Trend of ${service}: measured RTO and data-loss window per exercise`;
  return el("svg", { xmlns: "http://www.w3.org/2000/svg", viewBox: `0 0 ${W} ${axisY + 22}`, width: W, height: axisY + 22, role: "img", "aria-label": label, class: "chart trend" }, title(label) + rto + rpo + ticks);
}

function panel(name: string, drills: readonly ReadinessDrill[], value: (d: ReadinessDrill) => number | undefined, objective: number | undefined, x: Scale, top: number): string {
  const pts = drills.map((d) => ({ d, t: Date.parse(d.startedAt), v: value(d) })).filter((p): p is { d: ReadinessDrill; t: number; v: number } => p.v !== undefined);
  const max = Math.max(1, objective ?? 0, ...pts.map((p) => p.v)) * 1.15;
  const y = linear([0, max], [top + PANEL, top]);
  const [l, r] = x.range;
  const grid = distinct(niceTicks(0, max, 3), (v) => (v === 0 ? "0" : humanMs(v))).map(([v, label]) => hline(y(v), l, r, { class: "grid" }) + text(l - 4, y(v) + 3, label, { "text-anchor": "end", class: "tick" })).join("");
  // The objective's value goes in the panel's label, not on its line, where dots and the series would cover it.
  const goal = objective === undefined ? "" : hline(y(objective), l, r, { class: "objective" });
  const line = el("path", { d: path(pts.map((p) => [x(p.t), y(p.v)] as const)), class: `series trend-${name === "RTO" ? "rto" : "rpo"}` });
  const dots = pts.map((p) => el("circle", { cx: x(p.t), cy: y(p.v), r: 3.5, class: `dot dot-${p.d.outcome}` }, title(`${p.d.startedAt.slice(0, 10)} ${p.d.scenario}: ${name} ${humanMs(p.v)} (${p.d.outcome})`))).join("");
  const frame = el("rect", { x: l, y: top, width: r - l, height: PANEL, class: "panel" });
  const label = `${pts.length ? name : `${name}: not measured`}${objective === undefined ? "" : ` · objective ${humanMs(objective)} (dashed)`}`;
  return frame + grid + goal + line + dots + text(l, top - 3, label, { class: "plabel" });
}

/** Values with their labels, dropping a value whose label repeats the previous one ("1 ms", "1 ms"). */
function distinct(values: readonly number[], label: (v: number) => string): [number, string][] {
  const out: [number, string][] = [];
  for (const v of values) if (out.at(-1)?.[1] !== label(v)) out.push([v, label(v)]);
  return out;
}
