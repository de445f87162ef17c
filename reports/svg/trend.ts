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
  const rto = panel("RTO", drills, (d) => d.measuredRtoMs, objectives.rtoObjectiveMs, x, 8);
  const rpo = panel("data loss", drills, (d) => d.dataLossMs, objectives.rpoMs, x, 8 + PANEL + 26);
  const axisY = 8 + 2 * PANEL + 26;
  const ticks = [lo, (lo + hi) / 2, hi].map((t) => text(x(t), axisY + 14, new Date(t).toISOString().slice(0, 10), { "text-anchor": "middle", class: "tick" })).join("");
  const label = `Trend of ${service}: measured RTO and data-loss window per exercise`;
  return el("svg", { xmlns: "http://www.w3.org/2000/svg", viewBox: `0 0 ${W} ${axisY + 22}`, width: W, height: axisY + 22, role: "img", "aria-label": label, class: "chart trend" }, title(label) + rto + rpo + ticks);
}

function panel(name: string, drills: readonly ReadinessDrill[], value: (d: ReadinessDrill) => number | undefined, objective: number | undefined, x: Scale, top: number): string {
  const pts = drills.map((d) => ({ d, t: Date.parse(d.startedAt), v: value(d) })).filter((p): p is { d: ReadinessDrill; t: number; v: number } => p.v !== undefined);
  const max = Math.max(1, objective ?? 0, ...pts.map((p) => p.v)) * 1.15;
  const y = linear([0, max], [top + PANEL, top]);
  const [l, r] = x.range;
  const grid = niceTicks(0, max, 3).map((v) => hline(y(v), l, r, { class: "grid" }) + text(l - 4, y(v) + 3, v === 0 ? "0" : humanMs(v), { "text-anchor": "end", class: "tick" })).join("");
  const goal = objective === undefined ? "" : hline(y(objective), l, r, { class: "objective" }) + text(r - 2, y(objective) - 3, `objective ${humanMs(objective)}`, { "text-anchor": "end", class: "tick objective-label" });
  const line = el("path", { d: path(pts.map((p) => [x(p.t), y(p.v)] as const)), class: `series trend-${name === "RTO" ? "rto" : "rpo"}` });
  const dots = pts.map((p) => el("circle", { cx: x(p.t), cy: y(p.v), r: 3.5, class: `dot dot-${p.d.outcome}` }, title(`${p.d.startedAt.slice(0, 10)} ${p.d.scenario}: ${name} ${humanMs(p.v)} (${p.d.outcome})`))).join("");
  const frame = el("rect", { x: l, y: top, width: r - l, height: PANEL, class: "panel" });
  return frame + grid + goal + line + dots + text(l + 4, top + 12, pts.length ? name : `${name}: not measured`, { class: "plabel" });
}
