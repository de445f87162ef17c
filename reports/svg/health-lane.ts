// One probe's health lane: runs of healthy, slow and failing buckets. Runs of the
// same state merge into one rectangle (a quiet hour is one element); bad runs are
// at least 2 px wide and drawn last, on top, so they cannot be hidden.
import { humanMs } from "../../core/duration.ts";
import type { ProbeBucket, ProbeSeries } from "../model/probe-series.ts";
import { clip, html } from "../safe/escape.ts";
import { el, title } from "./elements.ts";
import type { Scale } from "./scale.ts";

type State = "ok" | "slow" | "err";
interface Run { state: State; start: number; end: number; n: number; bad: number }

const stateOf = (b: ProbeBucket): State => (b.errors > 0 ? "err" : b.slow > 0 ? "slow" : "ok");

function runs(p: ProbeSeries): Run[] {
  const out: Run[] = [];
  for (const { start, end, value } of p.buckets) {
    const state = stateOf(value);
    const last = out[out.length - 1];
    if (last && last.state === state && last.end === start) {
      last.end = end;
      last.n += value.n;
      last.bad += value.errors + value.slow;
    } else out.push({ state, start, end, n: value.n, bad: value.errors + value.slow });
  }
  return out;
}

export function healthLane(p: ProbeSeries, x: Scale, top: number, height: number, colour: string, origin: number): string {
  const rs = runs(p);
  const rect = (r: Run) => {
    const x0 = x(r.start);
    const w = Math.max(x(r.end) - x0, r.state === "ok" ? 0.5 : 2);
    const tip = r.state === "ok" ? "" : title(`${p.probe}: ${r.bad} of ${r.n} samples ${r.state === "err" ? "failed" : "slow"} between t0 ${sign(r.start - origin)} and t0 ${sign(r.end - origin)}`);
    return el("rect", { x: r.state === "ok" ? x0 : Math.min(x0, x.range[1] - w), y: top, width: w, height, class: `lane-${r.state}` }, tip);
  };
  const [l, r] = x.range;
  return (
    el("rect", { x: l, y: top, width: r - l, height, class: "lane-bg" }) +
    rs.filter((r) => r.state === "ok").map(rect).join("") +
    rs.filter((r) => r.state !== "ok").map(rect).join("") +
    // The label is cut to fit the margin; the full name is in the tooltip.
    el("text", { x: l - 8, y: top + height - 3, "text-anchor": "end", class: "lane-label", fill: colour }, title(`${p.probe} (${p.kind}) → ${p.target}`) + html(clip(p.probe, 18)))
  );
}

const sign = (ms: number) => `${ms < 0 ? "−" : "+"} ${humanMs(Math.abs(ms))}`;

