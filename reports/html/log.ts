// The phase log (phases, fault events, notes in time order) and the facts of the
// environment the drill ran in, down to the hash of the journal itself.
import { humanMs } from "../../core/duration.ts";
import { relative } from "../figures.ts";
import type { DrillModel } from "../model/drill-model.ts";
import { identityRows } from "../model/identity.ts";
import { facts, h, table, type Markup } from "./tag.ts";

export function phaseLog(d: DrillModel): Markup {
  const rows = d.log.map((e) => [relative(e.t, d.t0), wallClock(d, e.t), e.source, e.what, e.status, e.detail]);
  return h`${table(["Time", "Wall clock", "Source", "What", "Event", "Detail"], rows, "log")}
${d.logDropped ? h`<p class="note">${d.logDropped} further notes are in the journal.</p>` : ""}`;
}

/** "14:00:05.123 UTC": a drill-clock time on the wall clock, to the millisecond. */
export const wallClock = (d: DrillModel, t: number) => `${new Date(d.started.clockOriginWallMs + t).toISOString().slice(11, 23)} UTC`;

export function environment(d: DrillModel): Markup {
  const s = d.started;
  return facts([
    ["Host", `${s.host.hostname} (${s.host.platform}, Node ${s.host.node})`],
    ["User", s.host.user],
    ["Tool", `${s.tool.name} ${s.tool.version}`],
    ["Load", s.load ? `${s.load.kind}${s.load.detail ? ` — ${s.load.detail}` : ""}` : "not recorded"],
    ["Plan from", s.plan.origin],
    ["Windows", `steady ${humanMs(s.windowsMs.steady)}, baseline ${humanMs(s.windowsMs.baseline)}, stable for ${humanMs(s.windowsMs.stableFor)}, observe ≤ ${humanMs(s.windowsMs.observeTimeout)}`],
    ["Probes", s.probes.map((p) => `${p.name} (${p.kind} → ${p.target}, ${p.rateHz} Hz, bound ${p.latencyBoundMs} ms)`).join("; ")],
    ["Ledgers", s.ledgers.map((l) => `${l.name} (${l.kind} → ${l.target}, ${l.rateHz}/s)`).join("; ")],
    ["Journal", `${d.name} — ${d.records} records, ${d.bytes} bytes${d.tornLine ? `; its torn last line ${d.tornLine} (a killed writer) was left out` : ""}`],
    ["SHA-256", h`<code class="sha">${d.sha256}</code>`],
  ]);
}

/** What the drill exercised (identity): shown in every format; "unknown" for old journals. */
export function identity(d: DrillModel): Markup {
  return facts(identityRows(d.started).map(([k, v]) => [k, /digest|commit/i.test(k) ? h`<code class="sha">${v}</code>` : v]));
}
