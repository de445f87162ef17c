// The exercise record as every report shows it: who took part, what the drill
// set out to exercise (scope), and what deviated from the plan. Deviations are
// derived from the journal's own records — verdicts, fault events, the heal
// summary, manual steps — so every format lists the same ones in the same words.
// Journals written before the record existed get participants from the host
// user (or the game day's list) and a scope from the scenario; never invented.
import { humanMs } from "../../core/duration.ts";
import type { DrillStartedT, ExerciseT } from "../../journal/format.ts";
import { healText, verdictPhrase } from "../figures.ts";
import type { DrillModel } from "./drill-model.ts";

export interface Deviation {
  /** What kind of deviation, for grouping: objective, fault, heal, step, run. */
  kind: "objective" | "fault" | "heal" | "step" | "run";
  text: string;
}

export interface ExerciseView {
  participants: ExerciseT["participants"];
  /** True when the journal recorded them; false when inferred from the host user. */
  participantsRecorded: boolean;
  scope: ExerciseT["scope"];
  deviations: Deviation[];
}

const OBJECTIVES: [keyof DrillStartedT["objectivesMs"], string][] = [["rto", "rto"], ["rpo", "rpo"], ["mtpd", "mtpd"], ["minAvailability", "availability"]];

function fallbackScope(s: DrillStartedT, runbook: DrillModel["context"]["runbook"]): ExerciseT["scope"] {
  return {
    service: s.scenario.service, hazard: s.scenario.hazard,
    purpose: s.scenario.description || `Prove ${s.scenario.service} recovers from ${s.scenario.hazard} within its objectives`,
    objectives: OBJECTIVES.filter(([k]) => s.objectivesMs[k] !== undefined).map(([, name]) => name),
    procedure: runbook.map((r) => `${r.step}${r.role ? ` (${r.role})` : ""}${r.automated === false ? " [manual]" : ""}`),
  };
}

export function exerciseView(d: DrillModel): ExerciseView {
  const s = d.started;
  const recorded = s.exercise;
  const participants = recorded?.participants ?? s.gameday?.participants ?? [{ name: s.host.user }];
  return { participants, participantsRecorded: recorded !== undefined || s.gameday !== undefined, scope: recorded?.scope ?? fallbackScope(s, d.context.runbook), deviations: deviations(d) };
}

/** Everything that did not go as the plan says, in the order a reviewer reads them. */
export function deviations(d: DrillModel): Deviation[] {
  const out: Deviation[] = [];
  const sum = d.summary;
  if (d.outcome === "not-started" || d.outcome === "error" || d.outcome === "interrupted") out.push({ kind: "run", text: `drill ${d.outcome}${d.reason ? `: ${d.reason}` : ""}` });
  for (const v of sum?.verdicts ?? []) if (v.status === "missed" || v.status === "not-measured") out.push({ kind: "objective", text: verdictPhrase(v) });
  for (const e of d.faultEvents) {
    if (e.event === "unconfirmed") out.push({ kind: "fault", text: `fault ${e.fault} (${e.kind}) not confirmed to have taken effect${e.detail ? `: ${e.detail}` : ""}` });
    if (e.event === "heal-failed") out.push({ kind: "fault", text: `fault ${e.fault} (${e.kind}) failed to heal${e.detail ? `: ${e.detail}` : ""}` });
  }
  const heal = sum?.service.heal;
  const healJudged = sum?.verdicts.some((v) => v.objective === "heal-disruption" && v.status === "missed");
  if (heal && !healJudged && (heal.failedSamples > 0 || !heal.recovered)) out.push({ kind: "heal", text: `disruption during heal and failback: ${healText(sum)}` });
  if (sum?.service.fullRedundancy === false) out.push({ kind: "heal", text: "full redundancy not confirmed after restore" });
  for (const st of sum?.steps ?? []) {
    if (st.outcome !== "acknowledged") out.push({ kind: "step", text: `manual step ${st.step} ${st.outcome}` });
    else if (st.targetMs !== undefined && st.durationMs !== undefined && st.durationMs > st.targetMs) {
      out.push({ kind: "step", text: `manual step ${st.step} took ${humanMs(st.durationMs)}, over its target ${humanMs(st.targetMs)}` });
    }
  }
  return out;
}

/** "alice (dba), bob": participants as one line. */
export function participantsText(ps: ExerciseT["participants"]): string {
  return ps.map((p) => `${p.name}${p.role ? ` (${p.role})` : ""}`).join(", ");
}
