import { describe, expect, it } from "vitest";
import { readiness, readinessFindings } from "../../../reports/index.ts";
import { readJournal } from "../../../journal/read.ts";
import { loadEvidence } from "../../../reports/readiness/evidence.ts";
import { renderReadinessHtml } from "../../../reports/readiness/html.ts";
import { renderReadinessMarkdown } from "../../../reports/readiness/markdown.ts";
import { syntheticJournals, JOURNALS, PLANTED_SECRETS } from "./fixtures.ts";
import { LOCAL_PLAN } from "./plan.ts";

const journals = syntheticJournals().map((f) => readJournal(f));
const MARCH_20 = new Date("2025-03-20T00:00:00Z");
const cell = (r: ReturnType<typeof readiness>, service: string, hazard: string) => r.services.find((s) => s.name === service)!.cells.find((c) => c.hazard === hazard)!;

describe("readiness", () => {
  const r = readiness(LOCAL_PLAN, journals, MARCH_20);

  it("a services × hazards matrix with the last result, its date and measured figures", () => {
    expect(r.services.map((s) => s.cells.length)).toEqual([2, 2, 2]);
    const c = cell(r, "orders-db", "node-loss");
    expect(c).toMatchObject({ freshness: "fresh", dueAt: "2025-04-13T09:26:53.000Z" });
    expect(c.lastExercise).toMatchObject({ outcome: "passed", startedAt: "2025-03-14T09:26:53.000Z", measuredRtoMs: 7_400, dataLossMs: 0 });
    expect(cell(r, "sessions-cache", "process-hang").lastExercise).toMatchObject({ outcome: "failed", measuredRtoMs: 14_500 });
  });

  it("a hazard never exercised, or only attempted, is a gap (R1)", () => {
    expect(cell(r, "sessions-cache", "node-loss").freshness).toBe("never");
    const web = cell(r, "web", "dependency-latency");
    expect(web.freshness).toBe("never");
    expect(web.last?.outcome).toBe("not-started");
    expect(r.gaps.filter((g) => g.rule === "R1").map((g) => `${g.service}/${g.hazard}`).sort()).toEqual(["sessions-cache/node-loss", "web/dependency-latency", "web/node-loss"]);
  });

  it("missed objectives of the last exercise are gaps (R3) naming the plan field", () => {
    const r3 = r.gaps.filter((g) => g.rule === "R3");
    expect(r3.map((g) => [g.service, g.field])).toEqual(expect.arrayContaining([["orders-db", "objectives.rpo"], ["sessions-cache", "objectives.rto"]]));
    expect(r3.find((g) => g.field === "objectives.rto")!.message).toContain("RTO 14.50 s > 10.00 s");
  });

  it("evidence goes stale after exerciseEvery (R2)", () => {
    const later = readiness(LOCAL_PLAN, journals, new Date("2025-04-01T00:00:00Z"));
    expect(cell(later, "orders-db", "network-partition").freshness).toBe("stale");
    expect(later.gaps.some((g) => g.rule === "R2" && g.service === "orders-db" && g.field === "objectives.exerciseEvery")).toBe(true);
    expect(cell(later, "orders-db", "node-loss").freshness).toBe("fresh");
  });

  it("drills outside the plan are reported (R6), and the trend lists exercises oldest first", () => {
    expect(r.unplanned.map((d) => d.service)).toContain("<script>alert(1)</script>");
    expect(r.trend["orders-db"]!.map((d) => d.outcome)).toEqual(["failed", "passed"]);
  });

  it("readinessFindings: the gaps in verify's shape", () => {
    const findings = readinessFindings(LOCAL_PLAN, journals, MARCH_20);
    expect(findings.length).toBe(r.gaps.length);
    for (const f of findings) {
      expect(Object.keys(f).every((k) => ["rule", "severity", "service", "field", "message"].includes(k))).toBe(true);
      expect(f.rule).toMatch(/^R([1-6]|11)$/);
    }
  });

  it("readinessFindings with the reviews: a reviewed failed drill is not reported unreviewed (R11)", () => {
    const failed = journals.filter((j) => j.summary?.outcome === "failed");
    expect(failed.length).toBeGreaterThan(0);
    const without = readinessFindings(LOCAL_PLAN, journals, MARCH_20).filter((f) => f.rule === "R11");
    expect(without.length).toBeGreaterThan(0);
    const reviewed = new Map(failed.map((j) => [j.file, { format: "continuity-drill/followup", version: 1, journal: { drillId: j.started.drillId, sha256: "0".repeat(64) }, reviews: [{ by: "carol", decision: "accepted", note: "", at: "2025-03-19T00:00:00.000Z" }], actions: [] }] as const));
    const withReviews = readinessFindings(LOCAL_PLAN, journals, MARCH_20, reviewed as never).filter((f) => f.rule === "R11");
    expect(withReviews.length).toBeLessThan(without.length);
  });

  it("reads an evidence tree keeping only headers and summaries", async () => {
    const evidence = await loadEvidence([JOURNALS]);
    expect(evidence.length).toBe(syntheticJournals().length);
    expect(evidence.every((j) => j.records.length <= 2)).toBe(true);
    expect(readiness(LOCAL_PLAN, evidence, MARCH_20).gaps).toEqual(r.gaps);
  });

  it("renders to HTML and Markdown, escaped, with a trend chart per exercised service × hazard", () => {
    const html = renderReadinessHtml(r, "test");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script/);
    expect((html.match(/class="chart trend"/g) ?? []).length).toBe(3);
    for (const c of ["orders-db · node-loss", "orders-db · network-partition", "sessions-cache · process-hang"]) expect(html).toContain(`<figcaption class="view">${c}</figcaption>`);
    const md = renderReadinessMarkdown(r, "test");
    expect(md).toContain("| **orders-db** |");
    expect(md).toContain("never exercised");
    for (const s of PLANTED_SECRETS) expect(html + md).not.toContain(s);
  });
});
