// Judge: measurements → verdicts → the summary record, the journal's last. The
// figures come from runners/measure, the mapping from ../summary.ts; this phase
// adds what only the end of a drill knows (load result, lessons, steps not reached).
import type { SummaryT } from "../../../journal/format.ts";
import type { InjectWindow, ServiceMeasurement } from "../../measure/index.ts";
import type { StepOutcome } from "../../gameday/step-runner.ts";
import { unpublish } from "../../gameday/acks.ts";
import { summarise, type Abort } from "../summary.ts";
import type { DrillContext } from "./context.ts";
import type { RestoreResult } from "./heal.ts";
import type { LedgerLoss } from "./verify.ts";

export interface Evidence {
  window?: InjectWindow;
  service?: ServiceMeasurement;
  dataLoss: LedgerLoss[];
  abort?: Abort;
  restored: RestoreResult;
  steps: StepOutcome[];
  started: number;
}

export async function judge(c: DrillContext, e: Evidence): Promise<SummaryT> {
  const { o, workload, faults } = c;
  const { drill, clock } = o;
  c.phase("judge", "started");
  unpublish(o.stateDir, o.drillId);
  const lr = workload.loadResult;
  if (lr) c.note(lr.thresholdsFailed ? "warn" : "info", `load (${lr.which}): ${lr.requests} requests${lr.shed ? `, ${lr.shed} shed` : ""}${lr.exitCode !== undefined ? `, exit ${lr.exitCode}` : ""}${lr.thresholdsFailed ? ", k6 thresholds failed" : ""}${lr.detail ? ` — ${lr.detail}` : ""}`);
  const lessons = o.gameday?.lessons && !o.signal.aborted ? await o.gameday.lessons() : [];
  const reached = new Set(e.steps.map((st) => st.step));
  const steps = [...e.steps, ...drill.steps.filter((st) => !reached.has(st.id)).map((st) => ({ step: st.id, outcome: "not-reached" as const, targetMs: st.targetMs }))];
  const summary = summarise({
    drill, ...(e.service && e.window ? { service: e.service, window: e.window } : {}), overall: workload.overall, dataLoss: e.dataLoss,
    // A game day's operator is the fault: their acknowledged steps are its confirmation.
    faultConfirmed: faults.active.length > 0 ? faults.active.every((a) => a.confirmed === true) : e.steps.some((st) => st.outcome === "acknowledged"),
    abort: e.abort, restored: e.restored, durationMs: clock.now() - e.started, steps, lessons,
  });
  c.phase("judge", "ended", summary.outcome);
  return summary;
}
