// What every timeline chart of a drill shares: the fault window shaded, and
// vertical markers for t0, the first failure, recovery and the RTO deadline
// (t0 + RTO), each labelled above the plot in as many rows as keep labels apart.
import type { FaultWindow } from "../model/drill-model.ts";
import { el, shortDelta, text, textWidth, title, vline } from "./elements.ts";
import type { Scale } from "./scale.ts";

export interface Marker {
  t: number;
  label: string;
  colour: string;
  dash?: string;
  tip: string;
}

interface Placed extends Marker {
  x: number;
  row: number;
  anchorEnd: boolean;
}

export const LABEL_ROW = 13;

export function faultShading(windows: readonly FaultWindow[], x: Scale, top: number, bottom: number): string {
  const [d0, d1] = x.domain;
  return windows
    .filter((w) => w.from <= d1 && (w.to ?? d1) >= d0)
    .map((w) => {
      const a = x(Math.max(w.from, d0));
      const b = x(Math.min(w.to ?? d1, d1));
      const tip = `fault ${w.fault} (${w.kind}) in effect${w.to === undefined ? ", never healed in this journal" : ""}${w.healFailed ? "; heal failed" : ""}`;
      return el("rect", { x: a, y: top, width: Math.max(b - a, 1), height: bottom - top, class: "fault" }, title(tip));
    })
    .join("");
}

/** Labels go right of their line (left of it near the right edge), in the first row where they fit. */
export function layoutMarkers(markers: readonly Marker[], x: Scale, maxRows = 4): { placed: Placed[]; rows: number } {
  const ends: number[] = [];
  const placed = [...markers]
    .filter((m) => m.t >= x.domain[0] && m.t <= x.domain[1])
    .sort((a, b) => a.t - b.t)
    .map((m) => {
      const mx = x(m.t);
      const w = textWidth(m.label);
      const anchorEnd = mx + w > x.range[1];
      const left = anchorEnd ? mx - w : mx;
      let row = ends.findIndex((end) => end < left - 6);
      if (row < 0) row = ends.length < maxRows ? ends.length : maxRows - 1;
      ends[row] = anchorEnd ? mx : mx + w;
      return { ...m, x: mx, row, anchorEnd };
    });
  return { placed, rows: Math.max(1, ends.length) };
}

export function drawMarkers(placed: readonly Placed[], plotTop: number, bottom: number): string {
  return placed
    .map((m) => {
      const y = (m.row + 1) * LABEL_ROW - 2;
      return el("g", { class: "marker" },
        title(m.tip) +
        vline(m.x, y + 2, bottom, { stroke: m.colour, "stroke-width": 1.5, "stroke-dasharray": m.dash }) +
        text(m.anchorEnd ? m.x - 3 : m.x + 3, y, m.label, { fill: m.colour, "text-anchor": m.anchorEnd ? "end" : "start", class: "mlabel" }));
    })
    .join("");
}

export function timeAxis(x: Scale, ticks: readonly number[], origin: number, y: number, gridTop: number): string {
  return ticks
    .map((t) => vline(x(t), gridTop, y, { class: "grid" }) + text(x(t), y + 14, shortDelta(t - origin), { "text-anchor": "middle", class: "tick" }))
    .join("");
}
