// The charts of a drill with their legends. Charts are hand-written SVG rather
// than a charting library (e.g. Vega-Lite rendered headless): the report must be
// one offline file, the charts are a few fixed shapes (lanes, step lines, shaded
// windows, markers), and hand-written SVG keeps a one-hour drill to tens of
// kilobytes with no runtime, no fonts and no dependency to keep for years.
// docs/reports.md gives the full reasoning.
import { humanMs } from "../../core/duration.ts";
import type { DrillModel } from "../model/drill-model.ts";
import type { Bucketed } from "../model/buckets.ts";
import { drillDomain, focusDomain } from "../svg/drill-markers.ts";
import { PALETTE, type ChartView } from "../svg/frame.ts";
import { ledgerSvg } from "../svg/ledger-chart.ts";
import { timelineSvg } from "../svg/timeline.ts";
import { h, raw, type Markup } from "./tag.ts";

const swatch = (colour: string, label: string) => h`<span><i style="background:${colour}"></i>${label}</span>`;

/** The close view around the fault first (when the drill is long), then the whole drill. */
function views(d: DrillModel): { caption: string; view: ChartView }[] {
  const whole = { caption: "Whole drill", view: { domain: drillDomain(d), probes: d.probes, ledgers: d.ledgers } };
  if (!d.focus) return [whole];
  const domain = focusDomain(d, d.focus.domain);
  const clip = <B>(buckets: readonly Bucketed<B>[]) =>
    buckets.filter((b) => b.end > domain[0] && b.start < domain[1]).map((b) => ({ ...b, start: Math.max(b.start, domain[0]), end: Math.min(b.end, domain[1]) }));
  const focus: ChartView = {
    domain,
    probes: d.focus.probes.map((p) => ({ ...p, buckets: clip(p.buckets) })),
    ledgers: d.focus.ledgers.map((l) => ({ ...l, buckets: clip(l.buckets) })),
  };
  return [{ caption: "Around the fault", view: focus }, whole];
}

export function timelineBlock(d: DrillModel): Markup {
  if (d.probes.length === 0) return h`<p class="note">No probe samples in this journal.</p>`;
  const samples = d.probes.reduce((n, p) => n + p.samples, 0);
  const charts = views(d).map(({ caption, view }) => {
    const width = Math.max(...view.probes.map((p) => p.bucketMs));
    return h`<figure class="chart-box"><figcaption class="view">${caption} <span class="note">· buckets of ${humanMs(width)}</span></figcaption>${raw(timelineSvg(d, view))}</figure>`;
  });
  return h`${charts}
<div class="legend">${d.probes.map((p, i) => swatch(PALETTE[i % PALETTE.length]!, p.probe))}
${swatch("#86efac", "healthy")}${swatch("#f59e0b", "slow (above bound)")}${swatch("#dc2626", "errors (on the latency panel: failed, no latency)")}${swatch("rgba(249,115,22,.3)", "fault in effect")}</div>
<p class="note">Time relative to t0. ${samples} samples, drawn in buckets: a bucket is red if any of its samples failed, the healthy line is the share
of healthy samples and the latency line the worst one in the bucket, so short outages are never averaged away.</p>`;
}

export function ledgerBlock(d: DrillModel): Markup {
  if (d.ledgers.length === 0) return h`<p class="note">No ledger: this drill did not measure data loss.</p>`;
  const charts = views(d).map(({ caption, view }) => h`<figure class="chart-box"><figcaption class="view">${caption} <span class="note">· buckets of ${humanMs(Math.max(...view.ledgers.map((l) => l.bucketMs)))}</span></figcaption>${raw(ledgerSvg(d, view))}</figure>`);
  return h`${charts}
<div class="legend">${swatch("#dc2626", "lost (acknowledged before t0)")}${swatch("#7e22ce", "lost, acknowledged after the fault")}
${swatch("rgba(239,68,68,.35)", "measured data-loss window")}${swatch("#2563eb", "RPO objective (t0 − RPO)")}</div>
<p class="note">Lost writes are placed at the time they had been acknowledged. The data-loss window runs from the earliest lost acknowledgement to t0;
it meets the RPO when it starts after the RPO line.</p>`;
}
