// `drill plan --format html|md`: the continuity plan as the document a reviewer
// reads — every section, objectives with their units, and the plan digest the
// drills' journals record; the schedule from evidence says what is due and why.
import { describe, expect, it } from "vitest";
import { digestOf } from "../../../journal/identity.ts";
import { readJournal } from "../../../journal/read.ts";
import { renderPlanHtml } from "../../../reports/html/plan-document.ts";
import { renderPlanMarkdown } from "../../../reports/markdown/plan-document.ts";
import { readiness } from "../../../reports/readiness/readiness.ts";
import { scheduleRows } from "../../../reports/readiness/schedule.ts";
import { syntheticJournals } from "./fixtures.ts";
import { LOCAL_PLAN } from "./plan.ts";

const SECTIONS = ["1. Business impact", "2. Risk register", "3. Objectives", "4. Strategies: failover", "5. Procedures: runbooks", "6. Exercise schedule", "7. Training: runbooks exercised by people"];

describe("plan document", () => {
  const r = readiness(LOCAL_PLAN, syntheticJournals().map((f) => readJournal(f)), new Date("2025-03-20T00:00:00Z"));

  it("HTML and Markdown carry every section, the plan digest and objectives with units", () => {
    const html = renderPlanHtml(LOCAL_PLAN, { origin: "test", generator: "test" });
    const md = renderPlanMarkdown(LOCAL_PLAN, { origin: "test", generator: "test" });
    for (const s of SECTIONS) {
      expect(html).toContain(`<h3>${s}</h3>`);
      expect(md).toContain(`## ${s}`);
    }
    expect(html).toContain(digestOf(LOCAL_PLAN));
    expect(md).toContain(digestOf(LOCAL_PLAN));
    const db = LOCAL_PLAN.services.find((s) => s.name === "orders-db")!;
    expect(md).toContain(`| **orders-db** | 30.00 s | 0 ms | 4.0 h |`);
    for (const step of db.runbook) expect(html).toContain(step.step.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    expect(html).toContain("No evidence given.");
  });

  it("the schedule from evidence: last exercise, next due, and why it is due now", () => {
    const rows = scheduleRows(LOCAL_PLAN, r);
    expect(rows.find((x) => x.service === "orders-db" && x.hazard === "node-loss")).toMatchObject({ lastExercised: "2025-03-14T09:26:53.000Z", lastOutcome: "passed", dueAt: "2025-04-13T09:26:53.000Z" });
    expect(rows.find((x) => x.service === "orders-db" && x.hazard === "node-loss")!.dueBecause).toBeUndefined();
    expect(rows.find((x) => x.service === "web" && x.hazard === "dependency-latency")!.dueBecause).toBe("never exercised (latest attempt not-started)");
    const md = renderPlanMarkdown(LOCAL_PLAN, { origin: "test", generator: "test", readiness: r });
    expect(md).toContain("| orders-db | node-loss | 30.0 d | 2025-03-14 09:26:53 UTC (passed) | 2025-04-13 09:26:53 UTC |  |");
    expect(md).toContain("| sessions-cache | node-loss | 30.0 d | never | now | never exercised |");
  });
});
