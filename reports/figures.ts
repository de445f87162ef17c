// How figures read in every report, so HTML, Markdown and JUnit say the same
// thing in the same words: "7.40 s", "99.5 %", "3 writes", "+22.6 s".
import { humanMs } from "../core/duration.ts";
import type { OutcomeT, SummaryT, VerdictT } from "../journal/format.ts";

export function figure(value: number | undefined, unit: VerdictT["unit"]): string {
  if (value === undefined) return "—";
  if (unit === "ms") return humanMs(value);
  if (unit === "%") return `${percent(value)}`;
  return `${value} ${value === 1 ? "write" : "writes"}`;
}

export function percent(value: number): string {
  const digits = value === 100 || value === 0 ? 0 : value > 99 || value < 1 ? 2 : 1;
  return `${value.toFixed(digits)} %`;
}

/** A margin with its sign: positive is room to spare, negative is by how much it was missed. */
export function margin(value: number | undefined, unit: VerdictT["unit"]): string {
  if (value === undefined) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${figure(Math.abs(value), unit)}`;
}

/** A drill-clock time relative to t0: "t0", "t0 + 7.40 s", "t0 − 500 ms". */
export function relative(t: number, t0: number | undefined): string {
  if (t0 === undefined) return humanMs(t);
  const d = t - t0;
  if (d === 0) return "t0";
  return `t0 ${d > 0 ? "+" : "−"} ${humanMs(Math.abs(d))}`;
}

/** Wall time of an ISO instant, to the second, in UTC: reports are read across time zones. */
export function when(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function wallOf(clockOriginWallMs: number, t: number): string {
  return when(new Date(clockOriginWallMs + t).toISOString());
}

export const OBJECTIVE_LABEL: Record<VerdictT["objective"], string> = {
  rto: "RTO (recovery time)",
  rpo: "RPO (data-loss window)",
  availability: "Availability while disrupted",
  "lost-after-fault": "Writes lost after the fault",
  corrupted: "Corrupted writes",
  mtpd: "MTPD (max tolerable disruption)",
  "heal-disruption": "Disruption during heal and failback",
};

export const OBJECTIVE_SHORT: Record<VerdictT["objective"], string> = {
  rto: "RTO", rpo: "RPO", availability: "availability", "lost-after-fault": "lost after fault", corrupted: "corrupted", mtpd: "MTPD", "heal-disruption": "heal disruption",
};

/** "RTO 7.40 s ≤ 30.00 s": a verdict in one phrase, the comparison telling met from missed. */
export function verdictPhrase(v: VerdictT): string {
  const name = OBJECTIVE_SHORT[v.objective];
  if (v.status === "not-measured") return `${name} not measured`;
  if (v.status === "waived") return `${name} waived${v.note ? ` (${v.note})` : ""}`;
  if (v.status === "met" && v.measured === undefined && v.unit === "ms") return `${name}: no disruption observed`;
  const atLeast = v.objective === "availability";
  const op = v.status === "met" ? (atLeast ? "≥" : "≤") : atLeast ? "<" : ">";
  return `${name} ${figure(v.measured, v.unit)} ${op} ${figure(v.target, v.unit)}`;
}

/** The word a verdict is shown with, and whether it counts against the drill. */
export const OUTCOME_TONE: Record<OutcomeT, "good" | "bad" | "warn" | "neutral"> = {
  passed: "good",
  failed: "bad",
  inconclusive: "warn",
  "not-started": "neutral",
  interrupted: "warn",
  error: "bad",
};

export const OUTCOME_SYMBOL: Record<OutcomeT, string> = {
  passed: "✔", failed: "✘", inconclusive: "?", "not-started": "○", interrupted: "⚠", error: "✘",
};

/**
 * The resolution of a time figure as every report states it: the interval the
 * true value lies in, from the samples sent around onset and recovery
 * ("[6.80 s, 6.91 s]"), or, for journals before bounds were measured, "± the
 * probe interval".
 */
export function resolutionText(v: { bounds?: { minMs: number; maxMs: number }; resolutionMs?: number }): string {
  if (v.bounds) return `[${humanMs(v.bounds.minMs)}, ${humanMs(v.bounds.maxMs)}]`;
  return v.resolutionMs !== undefined ? `± ${humanMs(v.resolutionMs)}` : "—";
}

/** The service's RTO per path: "read 6.83 s · write 6.85 s"; empty for journals without paths. */
export function pathsText(s: SummaryT | undefined): string {
  const paths = s?.service.paths ?? [];
  return paths.map((p) => `${p.path} ${p.noDisruption ? "no disruption" : p.rtoMs !== undefined ? humanMs(p.rtoMs) : "not recovered"}`).join(" · ");
}

/** Disruption during heal and failback: "none", "2.40 s, 120 failed samples", "still disrupted …". */
export function healText(s: SummaryT | undefined): string | undefined {
  const heal = s?.service.heal;
  if (!heal) return undefined;
  const failed = `${heal.failedSamples} failed sample${heal.failedSamples === 1 ? "" : "s"}`;
  if (!heal.recovered) return `still disrupted when watching ended (at least ${humanMs(heal.observedMs ?? 0)}), ${failed}`;
  return heal.durationMs === undefined ? "none" : `${humanMs(heal.durationMs)}, ${failed}`;
}

/** A verdict's status as a symbol and word, the same in every format. */
export const STATUS_SYMBOL: Record<VerdictT["status"], string> = { met: "✅", missed: "❌", "not-measured": "➖", waived: "⏭" };
