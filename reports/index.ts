// Reports: renderers from journals only (never from runners). What the CLI and
// the drill runner use:
//   writeReports(journals, outDir, formats?)   HTML, Markdown, JSON, JUnit files
//   readiness(plan, journals, now)             services × hazards, freshness, trend, gaps
//   readinessFindings(plan, journals, now)     the gaps as findings for `drill verify --evidence`
import type { PlanT } from "../stacks/lib/schema.ts";
import type { EvidenceSet } from "../journal/evidence-set.ts";
import type { Journal } from "../journal/read.ts";
import { toFindings } from "./readiness/gaps.ts";
import { readiness } from "./readiness/readiness.ts";
import type { ReadinessFinding } from "./readiness/types.ts";

export { FILE_NAME, FORMATS, parseFormats, type Format } from "./formats.ts";
export { loadDrills, loadReportDrills, renderFormat, writeReportFiles, writeReports } from "./write.ts";
export { findJournals } from "../journal/find.ts";
export { JournalInputError, readJournal, type Journal } from "../journal/read.ts";
export { loadDrill, drillFromJournal } from "./model/load.ts";
export type { DrillModel } from "./model/drill-model.ts";
export { renderHtml } from "./html/report.ts";
export { renderMarkdown } from "./markdown/drills.ts";
export { renderJunit } from "./junit/render.ts";
export { renderJson } from "./json/render.ts";
export { Result as ResultSchema, RESULT_VERSION, resultJsonSchema } from "./json/result-schema.ts";
export { readiness } from "./readiness/readiness.ts";
export { loadEvidence, readJournalHead } from "./readiness/evidence.ts";
export { FUTURE_SKEW_MS, readEvidence, selectEvidence, type EvidenceSet, type IgnoredJournal } from "../journal/evidence-set.ts";
export { renderReadinessHtml } from "./readiness/html.ts";
export { readFollowups, type FollowupEntry } from "./readiness/followups.ts";
import type { FollowupEntry } from "./readiness/followups.ts";
export { renderPlanHtml } from "./html/plan-document.ts";
export { renderPlanMarkdown } from "./markdown/plan-document.ts";
export { scheduleRows, type ScheduleRow } from "./readiness/schedule.ts";
export { renderReadinessMarkdown } from "./readiness/markdown.ts";
export { READINESS_FORMATS, writeReadiness, type ReadinessFormat } from "./readiness/write.ts";
export type { Readiness, ReadinessFinding, Gap, ReadinessDrill, Freshness } from "./readiness/types.ts";
export type { DrillRef } from "../journal/drill-ref.ts";
export { redact, redactDeep } from "./safe/redact.ts";

/**
 * The evidence gaps as findings (rules R1–R13, severity, service, field, message).
 * `followups`: the reviews and actions beside the journals (readFollowups); without
 * them every failed drill counts as unreviewed (R11) and no action is seen (R12).
 */
export function readinessFindings(plan: PlanT, journals: readonly Journal[] | EvidenceSet, now: Date, followups?: ReadonlyMap<string, FollowupEntry>): ReadinessFinding[] {
  return toFindings(readiness(plan, journals, now, followups).gaps);
}
