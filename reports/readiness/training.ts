// The training view: per service, who has exercised its runbook by hand in a
// game day, and when. Continuity standards ask for this record: a procedure
// nobody has practised is a plan on paper. A service whose runbook has manual
// steps and no game day within its exerciseEvery is a finding (R7).
import { humanMs } from "../../core/duration.ts";
import type { PlanT } from "../../stacks/lib/schema.ts";
import type { Journal } from "../../journal/read.ts";
import type { Gap } from "./types.ts";

export interface GameDayRef {
  drillId: string;
  scenario: string;
  startedAt: string;
  outcome: string;
  rehearsal: boolean;
  participants: { name: string; role?: string }[];
  /** Steps acknowledged (not skipped, not timed out), and by whom. */
  done: { step: string; by?: string }[];
}

export interface TrainingRow {
  service: string;
  /** Runbook steps performed by people. */
  manualSteps: number;
  gameDays: GameDayRef[];
  /** The latest game day with people (rehearsals by --auto-ack do not train anyone). */
  lastTrained?: GameDayRef;
  freshness: "fresh" | "stale" | "never" | "nothing to train";
}

export function gameDayOf(j: Journal): GameDayRef | undefined {
  const g = j.started.gameday;
  if (!g) return undefined;
  const steps = j.summary?.steps ?? [];
  return {
    drillId: j.started.drillId, scenario: j.started.scenario.name, startedAt: j.started.startedAt, outcome: j.summary?.outcome ?? "interrupted",
    rehearsal: g.rehearsal, participants: g.participants,
    done: steps.filter((st) => st.outcome === "acknowledged").map((st) => ({ step: st.step, ...(st.by ? { by: st.by } : {}) })),
  };
}

export function training(plan: PlanT, journals: readonly Journal[], now: Date, exerciseEveryMs: (service: string) => number | undefined): TrainingRow[] {
  return plan.services.map((s) => {
    const manualSteps = s.runbook.filter((r) => !r.automated).length;
    const gameDays = journals.filter((j) => j.started.scenario.service === s.name).map(gameDayOf).filter((g): g is GameDayRef => g !== undefined).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    const lastTrained = gameDays.filter((g) => !g.rehearsal && g.done.length > 0).pop();
    const every = exerciseEveryMs(s.name);
    const freshness = manualSteps === 0 ? "nothing to train" : !lastTrained ? "never" : every !== undefined && Date.parse(lastTrained.startedAt) + every < now.getTime() ? "stale" : "fresh";
    return { service: s.name, manualSteps, gameDays, ...(lastTrained ? { lastTrained } : {}), freshness };
  });
}

export function trainingGaps(rows: readonly TrainingRow[], exerciseEveryMs: (service: string) => number | undefined): Gap[] {
  return rows
    .filter((r) => r.freshness === "never" || r.freshness === "stale")
    .map((r) => {
      const every = exerciseEveryMs(r.service);
      const message = r.freshness === "never"
        ? `${r.service}: its runbook has ${r.manualSteps} manual step(s) and nobody has exercised it in a game day`
        : `${r.service}: its runbook was last exercised by people on ${r.lastTrained!.startedAt.slice(0, 10)}, longer ago than ${humanMs(every!)}`;
      return { rule: "R7" as const, severity: "warning" as const, service: r.service, field: "runbook", message };
    });
}

/** Who took part, as one line: "alice (dba), bob (sre)". */
export const who = (g: GameDayRef) => g.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(", ");
