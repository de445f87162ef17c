// The frame every drill chart shares: the time scale (relative to t0), the marker
// labels above the plot, the grid and axis, the shaded fault window. Both charts
// of a view use the same domain, so the ledger lines up under the timeline.
import type { DrillModel } from "../model/drill-model.ts";
import type { LedgerSeries } from "../model/ledger-series.ts";
import type { ProbeSeries } from "../model/probe-series.ts";
import { el, title } from "./elements.ts";
import { drawMarkers, faultShading, LABEL_ROW, layoutMarkers, timeAxis, type Marker } from "./overlay.ts";
import { linear, timeTicks, type Scale } from "./scale.ts";

export const WIDTH = 960;
export const LEFT = 150;
const RIGHT = 16;
export const PALETTE = ["#2563eb", "#9333ea", "#0891b2", "#db2777", "#65a30d", "#ea580c"];

/** What one pair of charts shows: the whole drill, or the window around the fault. */
export interface ChartView {
  domain: [number, number];
  probes: readonly ProbeSeries[];
  ledgers: readonly LedgerSeries[];
}

export interface Frame {
  x: Scale;
  plotTop: number;
  /** Drawn before the data: grid, axis, fault shading. */
  under(bottom: number): string;
  /** Drawn after the data, on top: the markers. */
  over(bottom: number): string;
}

export function frame(d: DrillModel, domain: [number, number], markers: readonly Marker[]): Frame {
  const x = linear(domain, [LEFT, WIDTH - RIGHT]);
  const { placed, rows } = layoutMarkers(markers, x);
  const plotTop = rows * LABEL_ROW + 8;
  const origin = d.t0 ?? domain[0];
  const ticks = timeTicks(domain[0] - origin, domain[1] - origin, 9).map((t) => t + origin);
  return {
    x,
    plotTop,
    under: (bottom) => timeAxis(x, ticks, origin, bottom, plotTop) + faultShading(d.faultWindows, x, plotTop, bottom),
    over: (bottom) => drawMarkers(placed, plotTop, bottom),
  };
}

export function svgDocument(cls: string, label: string, height: number, body: string): string {
  return el("svg", { xmlns: "http://www.w3.org/2000/svg", viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: "img", "aria-label": label, class: `chart ${cls}` }, title(label) + body);
}
