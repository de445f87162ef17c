// The ledger chart of one drill: the share of writes acknowledged over time (it
// drops while the service is down), a lane per ledger marking lost writes at the
// moment they had been acknowledged (red: lost from before t0, inside the
// data-loss window; purple: acknowledged after the fault, then lost), the measured
// data-loss window shaded and the RPO line against it, on the timeline's axis.
import { humanMs } from "../../core/duration.ts";
import { dataLossWindowMs, type DrillModel } from "../model/drill-model.ts";
import type { LedgerSeries } from "../model/ledger-series.ts";
import { COLOURS } from "./drill-markers.ts";
import { el, hline, path, text, title } from "./elements.ts";
import { frame, LEFT, PALETTE, svgDocument, type ChartView } from "./frame.ts";
import type { Marker } from "./overlay.ts";
import { linear, type Scale } from "./scale.ts";
import { panelFrame } from "./timeline.ts";

const PANEL = 70;
const LANE = 14;

export function ledgerSvg(d: DrillModel, view: ChartView): string {
  if (view.ledgers.length === 0) return "";
  const f = frame(d, view.domain, ledgerMarkers(d));
  const lanesTop = f.plotTop + PANEL + 10;
  const bottom = lanesTop + view.ledgers.length * (LANE + 4);
  const body = [
    f.under(bottom),
    lossWindow(d, f.x, f.plotTop, bottom),
    sharePanel(view.ledgers, f.x, f.plotTop),
    ...view.ledgers.map((l, i) => lostLane(l, f.x, lanesTop + i * (LANE + 4))),
    f.over(bottom),
  ].join("");
  return svgDocument("ledger", `Ledger of ${d.started.scenario.service}: writes acknowledged over time, lost writes marked, data-loss window against the RPO`, bottom + 24, body);
}

function ledgerMarkers(d: DrillModel): Marker[] {
  if (d.t0 === undefined) return [];
  const out: Marker[] = [{ t: d.t0, label: "t0 fault", colour: COLOURS.t0, tip: "t0: the fault took effect" }];
  const rpo = d.started.objectivesMs.rpo;
  if (rpo !== undefined) out.push({ t: d.t0 - rpo, label: `RPO ${humanMs(rpo)}`, colour: COLOURS.rpo, dash: "6 4", tip: "writes acknowledged after this line may be lost (t0 − RPO)" });
  const loss = dataLossWindowMs(d);
  if (loss) out.push({ t: d.t0 - loss, label: `data lost since t0 − ${humanMs(loss)}`, colour: COLOURS.loss, dash: "4 3", tip: "the earliest lost write was acknowledged here: the measured data-loss window" });
  return out;
}

function lossWindow(d: DrillModel, x: Scale, top: number, bottom: number): string {
  const loss = dataLossWindowMs(d);
  if (!loss || d.t0 === undefined) return "";
  const a = x(Math.max(d.t0 - loss, x.domain[0]));
  return el("rect", { x: a, y: top, width: Math.max(x(d.t0) - a, 2), height: bottom - top, class: "loss-window" }, title(`data-loss window: ${humanMs(loss)}`));
}

function sharePanel(ledgers: readonly LedgerSeries[], x: Scale, top: number): string {
  const y = linear([0, 100], [top + PANEL, top]);
  const grid = [0, 50, 100].map((v) => hline(y(v), x.range[0], x.range[1], { class: "grid" }) + text(LEFT - 6, y(v) + 4, `${v}%`, { "text-anchor": "end", class: "tick" })).join("");
  const lines = ledgers.map((l, i) => {
    const pts: Array<readonly [number, number] | null> = [];
    let prevEnd: number | undefined;
    for (const b of l.buckets) {
      if (prevEnd !== undefined && b.start !== prevEnd) pts.push(null);
      const v = y((100 * b.value.acked) / Math.max(1, b.value.written));
      const last = pts[pts.length - 1];
      if (last && prevEnd === b.start && last[1] === v) pts[pts.length - 1] = [x(b.end), v];
      else pts.push([x(b.start), v], [x(b.end), v]);
      prevEnd = b.end;
    }
    return el("path", { d: path(pts), class: "series", stroke: PALETTE[(i + 2) % PALETTE.length] }, title(`${l.ledger}: ${l.acked} of ${l.written} writes acknowledged; share per ${l.bucketMs} ms`));
  });
  return panelFrame("acknowledged", top, x, PANEL) + grid + lines.join("");
}

function lostLane(l: LedgerSeries, x: Scale, top: number): string {
  const [x0, x1] = x.range;
  const marks = l.buckets
    .filter((b) => b.value.lost + b.value.lostAfterFault > 0)
    .map((b) => {
      const after = b.value.lostAfterFault > 0;
      const w = Math.max(x(b.end) - x(b.start), 2);
      return el("rect", { x: Math.min(x(b.start), x1 - w), y: top, width: w, height: LANE, class: after ? "lost-after" : "lost" },
        title(`${b.value.lost + b.value.lostAfterFault} acknowledged write(s) of ${l.ledger} lost${after ? ", acknowledged after the fault" : ""}`));
    });
  return el("rect", { x: x0, y: top, width: x1 - x0, height: LANE, class: "lane-bg" }) + marks.join("") +
    el("text", { x: LEFT - 8, y: top + LANE - 3, "text-anchor": "end", class: "lane-label" }, title(`${l.ledger} (${l.kind}) → ${l.target}`) + "lost writes");
}
