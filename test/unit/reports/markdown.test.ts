import { describe, expect, it } from "vitest";
import { humanMs } from "../../../core/duration.ts";
import { figure } from "../../../reports/figures.ts";
import { renderMarkdown } from "../../../reports/markdown/drills.ts";
import { loadDrill } from "../../../reports/model/load.ts";
import { md } from "../../../reports/safe/escape.ts";
import { allJournals, fixture, PLANTED_SECRETS } from "./fixtures.ts";

const render = async (...files: string[]) => renderMarkdown(await Promise.all(files.map(loadDrill)), { htmlName: "report.html", generator: "test" });

/** Cells of a GitHub table row, split on pipes that are not escaped. */
const cells = (row: string) => row.trim().slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());

describe("Markdown report", () => {
  it.each(allJournals())("%s: same verdicts and figures as the journal", async (file) => {
    const d = await loadDrill(file);
    const text = await render(file);
    for (const v of d.summary?.verdicts ?? []) expect(text).toContain(`**${md(figure(v.measured, v.unit))}**`);
    expect(text).toContain(d.sha256);
  });

  it("summarises many drills in one table and links the HTML report", async () => {
    const text = await render(...allJournals());
    const rows = text.split("\n").filter((l) => l.startsWith("| **"));
    expect(rows).toHaveLength(allJournals().length);
    for (const r of rows) expect(cells(r)).toHaveLength(8);
    expect(text).toContain("[report.html](report.html)");
  });

  it("the missed RTO reads as measured against objective", async () => {
    const text = await render(fixture("missed-rto"));
    expect(text).toContain(`| **${humanMs(14_500)}** |`);
    expect(text).toContain("Missed: RTO 14.50 s &gt; 10.00 s.");
  });

  it("hostile names cannot break the table or inject HTML, and secrets stay out", async () => {
    const text = await render(fixture("hostile-names"));
    const row = text.split("\n").find((l) => l.startsWith("| **"))!;
    expect(cells(row)).toHaveLength(8);
    expect(text).not.toMatch(/<script|<img|<b>/);
    for (const s of PLANTED_SECRETS) expect(text).not.toContain(s);
  });

  // The defect: at about 64 drills the Markdown passed GitHub's 65,536-character comment limit.
  it.each([100, 1000])("%i drills fit a pull-request comment: failures first, the rest left out with a note", async (n) => {
    const journals = allJournals();
    const models = await Promise.all(journals.map(loadDrill));
    const many = Array.from({ length: n }, (_, i) => models[i % models.length]!);
    const text = renderMarkdown(many, { htmlName: "report.html", generator: "test" });
    expect(text.length).toBeLessThan(65_536);
    const rows = text.split("\n").filter((l) => l.startsWith("| **"));
    const firstPassed = rows.findIndex((r) => r.includes("passed"));
    const lastNotPassed = rows.findLastIndex((r) => !r.includes("passed"));
    if (firstPassed >= 0 && lastNotPassed >= 0) expect(lastNotPassed).toBeLessThan(firstPassed);
    if (rows.length < n) expect(text).toMatch(/… and \d+ more drill\(s\)/);
    expect(text).toMatch(/Details of \d+ drill\(s\) are left out to fit a pull-request comment|<details>/);
  });

  it("links the published report by its absolute URL when one is given", async () => {
    const d = await loadDrill(allJournals()[0]!);
    const text = renderMarkdown([d], { htmlName: "report.html", reportUrl: "https://ci.example/job/7/report.html", generator: "test" });
    expect(text).toContain("[the full report](https://ci.example/job/7/report.html)");
    expect(text).not.toContain("(report.html)");
  });
});
