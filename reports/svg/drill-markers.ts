// The markers and the time domain shared by a drill's timeline and ledger charts,
// so both line up one above the other.
import { humanMs } from "../../core/duration.ts";
import { markers, type DrillModel } from "../model/drill-model.ts";
import type { Marker } from "./overlay.ts";

export const COLOURS = { t0: "#111827", failure: "#dc2626", recovered: "#15803d", rto: "#2563eb", rpo: "#2563eb", loss: "#dc2626", heal: "#b45309" };

const plus = (ms: number) => `+${humanMs(ms)}`;

export function drillMarkers(d: DrillModel): Marker[] {
  const m = markers(d);
  const out: Marker[] = [];
  if (m.t0 !== undefined) out.push({ t: m.t0, label: "t0 fault", colour: COLOURS.t0, tip: "t0: the fault took effect" });
  if (m.firstDisrupted !== undefined && m.t0 !== undefined) {
    out.push({ t: m.firstDisrupted, label: `first failure ${plus(m.firstDisrupted - m.t0)}`, colour: COLOURS.failure, dash: "4 3", tip: "first disrupted sample (time to detect)" });
  }
  if (m.recovered !== undefined && m.t0 !== undefined) {
    out.push({ t: m.recovered, label: `recovered ${plus(m.recovered - m.t0)}`, colour: COLOURS.recovered, tip: "recovered: every sample healthy from here for the stable window" });
  }
  if (m.rtoDeadline !== undefined && m.t0 !== undefined) {
    out.push({ t: m.rtoDeadline, label: `RTO ${humanMs(m.rtoDeadline - m.t0)}`, colour: COLOURS.rto, dash: "6 4", tip: "the RTO objective: recovery must come before this line (t0 + RTO)" });
  }
  // Clients watch through heal and restore: where heal began, and the failback's own disruption if any.
  const heal = d.summary?.service.heal;
  if (heal && m.t0 !== undefined) {
    const failback = heal.durationMs !== undefined ? `, failback ${humanMs(heal.durationMs)} (${heal.failedSamples} failed)` : heal.recovered ? "" : ", still disrupted";
    out.push({ t: heal.healAt, label: `heal ${plus(heal.healAt - m.t0)}${failback}`, colour: COLOURS.heal, dash: "2 3", tip: "heal began: disruption from here on is the heal's own figure (failback, rejoin)" });
  }
  return out;
}

/** Whole drill, widened to show the RTO deadline even when recovery came long before it. */
export function drillDomain(d: DrillModel): [number, number] {
  const m = markers(d);
  const lo = d.span.start;
  let hi = Math.max(d.span.end, lo + 1);
  if (m.rtoDeadline !== undefined && m.rtoDeadline > hi) hi = m.rtoDeadline + (m.rtoDeadline - lo) * 0.04;
  return [lo, hi];
}

/**
 * The close view's domain: from the window's start to a little after the last
 * thing a reviewer looks for (recovery, the RTO deadline, the heal), rather than
 * to the end of the observe timeout the window was sized for.
 */
export function focusDomain(d: DrillModel, window: [number, number]): [number, number] {
  const m = markers(d);
  const t0 = d.t0 ?? window[0];
  const healed = Math.max(t0, ...d.faultWindows.map((w) => w.to ?? window[1]));
  const last = Math.max(m.recovered ?? window[1], m.rtoDeadline ?? t0, healed, t0 + 20_000);
  return [window[0], Math.min(window[1], last + (last - window[0]) * 0.15)];
}
