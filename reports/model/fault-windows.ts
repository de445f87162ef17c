// When each fault was in effect: from "injected" (or, if the journal never says
// so, "injecting") to "healed". A fault with no "healed" stays open — the chart
// shades it to the end, which is exactly what a reviewer should see.
import type { FaultEventT } from "../../journal/format.ts";
import type { FaultWindow } from "./drill-model.ts";

export function faultWindows(events: readonly FaultEventT[]): FaultWindow[] {
  const byFault = new Map<number, FaultEventT[]>();
  for (const e of events) byFault.set(e.fault, [...(byFault.get(e.fault) ?? []), e]);
  const out: FaultWindow[] = [];
  for (const [fault, es] of [...byFault.entries()].sort((a, b) => a[0] - b[0])) {
    const at = (event: FaultEventT["event"]) => es.find((e) => e.event === event)?.t;
    const from = at("injected") ?? at("injecting");
    if (from === undefined) continue;
    out.push({ fault, kind: es[0]!.kind, from, to: at("healed"), healFailed: at("heal-failed") !== undefined });
  }
  return out.sort((a, b) => a.from - b.from);
}
