// Objectives against what was measured, per probe and per ledger: the tables a
// reviewer checks the verdict by.
import { humanMs } from "../../core/duration.ts";
import { figure, healText, margin, OBJECTIVE_LABEL, pathsText, percent, relative, resolutionText } from "../figures.ts";
import type { DrillModel } from "../model/drill-model.ts";
import { h, table, type Markup } from "./tag.ts";

const status = (s: string) => h`<span class="st st-${s}">${s}</span>`;

export function objectivesTable(d: DrillModel): Markup {
  const verdicts = d.summary?.verdicts ?? [];
  if (verdicts.length === 0) return h`<p class="note">No verdicts: ${d.summary ? "the drill judged no objective" : "the journal has no summary"}.</p>`;
  const rows = table(
    ["Objective", "Target", "Measured", "Margin", "True value within", "Verdict", "Note"],
    verdicts.map((v) => [
      OBJECTIVE_LABEL[v.objective], figure(v.target, v.unit), h`<b>${figure(v.measured, v.unit)}</b>`, margin(v.margin, v.unit),
      resolutionText(v), status(v.status), v.note ?? "",
    ]),
    "objectives",
  );
  return h`${rows}${serviceFigures(d)}`;
}

/** RTO per path, the heal's own disruption and the time to full redundancy, under the verdicts. */
function serviceFigures(d: DrillModel): Markup {
  const s = d.summary;
  const paths = pathsText(s);
  const heal = healText(s);
  const ttfr = s?.service.timeToFullRedundancyMs;
  const items = [
    paths ? h`<li>RTO per path: <b>${paths}</b>${s?.service.decidedBy ? ` (decided by ${s.service.decidedBy})` : ""}</li>` : "",
    heal ? h`<li>Disruption during heal, restore and rejoin: <b>${heal}</b></li>` : "",
    ttfr !== undefined ? h`<li>Time to full redundancy after heal began: <b>${humanMs(ttfr)}</b></li>` : "",
    s?.onset ? h`<li>Onset t0 ${s.onset.seenBy ? `= first failed sample of ${s.onset.seenBy} inside the inject window` : "= when inject returned"}; inject window ${humanMs(s.onset.windowReturnedAt - s.onset.windowStartedAt)}</li>` : "",
  ].filter((x) => x !== "");
  return items.length ? h`<ul class="figures">${items}</ul>` : h``;
}

export function probesTable(d: DrillModel): Markup {
  const ps = d.summary?.probes ?? [];
  if (ps.length === 0) return h``;
  const t = (v: number | undefined) => (v === undefined ? "—" : relative(v, d.t0));
  const p50 = (p: { p50: number; p99: number } | null) => (p ? `${humanMs(p.p50)} / ${humanMs(p.p99)}` : "—");
  return table(
    ["Sampler", "Path", "Samples", "First failure", "Recovered", "RTO", "Available while disrupted", "Errors", "Latency p50 / p99 before · during · after"],
    ps.map((p) => [
      p.source === "ledger" ? `${p.probe} (ledger writes)` : p.probe, p.path ?? "read", String(p.samples), t(p.firstDisruptedAt), p.noDisruption ? "no disruption observed" : p.recovered ? t(p.recoveredAt) : h`<b>never</b>`,
      p.rtoMs !== undefined ? `${humanMs(p.rtoMs)} ${resolutionText({ bounds: p.rtoBounds, resolutionMs: p.resolutionMs })}` : "—",
      p.availabilityDuring !== undefined ? percent(p.availabilityDuring) : "—",
      Object.entries(p.errors).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([e, n]) => `${n}× ${e}`).join("; ") || "none",
      `${p50(p.latency.before)} · ${p50(p.latency.during)} · ${p50(p.latency.after)}`,
    ]),
    "probes",
  );
}

export function ledgersTable(d: DrillModel): Markup {
  const ls = d.summary?.ledgers ?? [];
  if (ls.length === 0) return h``;
  return table(
    ["Ledger", "Written", "Acknowledged", "Not acknowledged", "Lost", "Lost after the fault", "Data-loss window", "Unacked but present", "Corrupted", "Read back"],
    ls.map((l) => [
      l.ledger, String(l.written), String(l.acknowledged), String(l.unacknowledged), l.lost ? h`<b>${l.lost}</b>` : "0", l.lostAfterFault ? h`<b>${l.lostAfterFault}</b>` : "0",
      humanMs(l.dataLossWindowMs), String(l.unacknowledgedPresent), String(l.corrupted), l.readBack ? "yes" : "no",
    ]),
    "ledgers",
  );
}
