// The timeline of one drill: per probe a health lane (green healthy, amber slow,
// red errors — any bad sample colours its bucket, and a bad bucket is never drawn
// narrower than 2 px, so a single failed sample in an hour stays visible), the
// healthy share and the worst latency per bucket, the fault window shaded, and
// markers for t0, first failure, recovery and the RTO deadline.
import type { DrillModel } from "../model/drill-model.ts";
import type { ProbeSeries } from "../model/probe-series.ts";
import { drillMarkers } from "./drill-markers.ts";
import { el, hline, path, text, title } from "./elements.ts";
import { frame, LEFT, PALETTE, svgDocument, type ChartView } from "./frame.ts";
import { healthLane } from "./health-lane.ts";
import { linear, log10, logTicks, type Scale } from "./scale.ts";

const LANE = 14;
const PANEL = 78;

export function timelineSvg(d: DrillModel, view: ChartView): string {
  const f = frame(d, view.domain, drillMarkers(d));
  const lanesBottom = f.plotTop + view.probes.length * (LANE + 4);
  const availTop = lanesBottom + 12;
  const latTop = availTop + PANEL + 14;
  const bottom = latTop + PANEL;
  const body = [
    f.under(bottom),
    ...view.probes.map((p, i) => healthLane(p, f.x, f.plotTop + i * (LANE + 4), LANE, PALETTE[i % PALETTE.length]!, d.t0 ?? view.domain[0])),
    availabilityPanel(view.probes, f.x, availTop),
    latencyPanel(view.probes, f.x, latTop),
    f.over(bottom),
  ].join("");
  return svgDocument("timeline", `Timeline of ${d.started.scenario.service}: health, availability and latency per probe, time relative to t0`, bottom + 24, body);
}

export function panelFrame(label: string, top: number, x: Scale, height = PANEL): string {
  const [l, r] = x.range;
  return el("rect", { x: l, y: top, width: r - l, height, class: "panel" }) + text(8, top + 12, label, { class: "plabel" });
}

function availabilityPanel(probes: readonly ProbeSeries[], x: Scale, top: number): string {
  const y = linear([0, 100], [top + PANEL, top]);
  const grid = [0, 50, 100].map((v) => hline(y(v), x.range[0], x.range[1], { class: "grid" }) + text(LEFT - 6, y(v) + 4, `${v}%`, { "text-anchor": "end", class: "tick" })).join("");
  const lines = probes.map((p, i) => el("path", { d: stepPath(p, x, (b) => y((100 * b.healthy) / b.n)), class: "series", stroke: PALETTE[i % PALETTE.length] }, title(`${p.probe}: share of healthy samples per ${p.bucketMs} ms`)));
  return panelFrame("healthy", top, x) + grid + lines.join("");
}

function latencyPanel(probes: readonly ProbeSeries[], x: Scale, top: number): string {
  const all = probes.flatMap((p) => p.buckets.filter((b) => b.value.errors < b.value.n).map((b) => b.value.maxLatencyMs)).filter((v) => v > 0);
  const bound = Math.min(...probes.map((p) => p.latencyBoundMs));
  const hi = Math.max(1, ...all, Number.isFinite(bound) ? bound : 0) * 1.5;
  const lo = Math.max(0.1, Math.min(1, ...all) / 1.5);
  const y = log10([lo, hi], [top + PANEL, top]);
  const grid = logTicks(lo, hi).map((v) => hline(y(v), x.range[0], x.range[1], { class: "grid" }) + text(LEFT - 6, y(v) + 4, v >= 1000 ? `${v / 1000} s` : `${v} ms`, { "text-anchor": "end", class: "tick" })).join("");
  const boundLine = Number.isFinite(bound) ? hline(y(bound), x.range[0], x.range[1], { class: "bound" }) + text(x.range[1] - 4, y(bound) - 3, `latency bound ${bound} ms`, { "text-anchor": "end", class: "tick bound-label" }) : "";
  // A bucket of failed samples only has no latency to draw: an error that came back fast is not a fast
  // answer. The line breaks there, and every bucket with a failure gets a red mark along the panel's top.
  const lines = probes.map((p, i) => el("path", { d: stepPath(p, x, (b) => (b.errors === b.n ? null : y(Math.max(b.maxLatencyMs, lo)))), class: "series", stroke: PALETTE[i % PALETTE.length] }, title(`${p.probe}: worst latency of answered samples per ${p.bucketMs} ms`)));
  const failed = probes.flatMap((p) => p.buckets.filter((b) => b.value.errors > 0).map((b) => {
    const x0 = x(b.start);
    return el("rect", { x: x0, y: top + 1, width: Math.max(2, x(b.end) - x0), height: 5, class: "lane-err latency-failed" }, title(`${p.probe}: ${b.value.errors} failed sample(s), no latency`));
  }));
  return panelFrame("latency (max)", top, x) + grid + boundLine + lines.join("") + failed.join("");
}

/** A step line: flat across each bucket, broken where no samples were recorded. */
function stepPath(p: ProbeSeries, x: Scale, yOf: (b: ProbeSeries["buckets"][number]["value"]) => number | null): string {
  const points: Array<readonly [number, number] | null> = [];
  let prevEnd: number | undefined;
  for (const b of p.buckets) {
    if (prevEnd !== undefined && b.start !== prevEnd) points.push(null);
    const yv = yOf(b.value);
    if (yv === null) {
      points.push(null);
      prevEnd = undefined;
      continue;
    }
    const last = points[points.length - 1];
    // A flat stretch is one segment, however many buckets it spans: a quiet hour stays small.
    if (last && prevEnd === b.start && last[1] === yv) points[points.length - 1] = [x(b.end), yv];
    else points.push([x(b.start), yv], [x(b.end), yv]);
    prevEnd = b.end;
  }
  return path(points);
}
