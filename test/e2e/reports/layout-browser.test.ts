// The layouts people use, in a real headless Chromium: a phone 390 px wide (no
// horizontal scrolling, verdicts, chips and findings never clipped) and print
// (the verdict and objectives at the top of page 1, the timeline kept whole,
// headings never left alone at a page's foot). Screenshots and the PDF land in
// test-results/reports/ as artifacts.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useChromium } from "../../support/chromium.ts";
import { readJournal } from "../../../journal/read.ts";
import { writeReports } from "../../../reports/index.ts";
import { readiness } from "../../../reports/readiness/readiness.ts";
import { renderReadinessHtml } from "../../../reports/readiness/html.ts";
import { renderPlanHtml } from "../../../reports/html/plan-document.ts";
import { fixture, RESULTS, syntheticJournals, tmp } from "../../unit/reports/fixtures.ts";
import { LOCAL_PLAN } from "../../unit/reports/plan.ts";

const PHONE = { width: 390, height: 844 };

const browserOf = useChromium(RESULTS);

async function report(journals: string[]): Promise<string> {
  const [file] = await writeReports(journals, tmp("layout-"), ["html"]);
  return pathToFileURL(file!).href;
}

function htmlFile(name: string, content: string): string {
  const file = join(tmp("layout-"), name);
  writeFileSync(file, content);
  return pathToFileURL(file).href;
}

/** Elements matching `selector` whose box reaches past the viewport's right edge, or whose content overflows them (clipped). */
async function clipped(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els, width) => els.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > (width as number) + 0.5 || e.scrollWidth > e.clientWidth + 1);
  }).map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? "").trim().slice(0, 60)}`), PHONE.width);
}

async function atPhone(url: string, shot: string): Promise<Page> {
  const page = await browserOf().newPage({ viewport: PHONE });
  await page.goto(url, { waitUntil: "load" });
  await page.screenshot({ path: join(RESULTS, shot), fullPage: true });
  return page;
}

describe("layouts in Chromium", () => {
  it("a drill report at 390 px: no horizontal scroll; verdict, chips and objectives not clipped", async () => {
    const page = await atPhone(await report([fixture("missed-rto"), fixture("lost-after-fault")]), "phone-390-report.png");
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
    expect(await clipped(page, ".verdict .badge, .chips .st, section.drill h2, table.summary td, .exercise dd, .deviations li")).toEqual([]);
    const badge = await page.locator(".verdict .badge").first().boundingBox();
    expect(badge!.x).toBeGreaterThanOrEqual(0);
    expect(badge!.x + badge!.width).toBeLessThanOrEqual(PHONE.width);
    const chart = await page.locator("svg.timeline").first().boundingBox();
    expect(chart!.width).toBeLessThanOrEqual(PHONE.width);
    expect(chart!.width).toBeGreaterThan(300);
    await page.close();
  });

  it("readiness and the plan document at 390 px: no horizontal scroll, findings not clipped", async () => {
    const r = readiness(LOCAL_PLAN, syntheticJournals().map((f) => readJournal(f)), new Date("2025-03-20T00:00:00Z"));
    for (const [name, content] of [["readiness.html", renderReadinessHtml(r, "test")], ["plan.html", renderPlanHtml(LOCAL_PLAN, { origin: "test", generator: "test", readiness: r })]] as const) {
      const page = await atPhone(htmlFile(name, content), `phone-390-${name.replace(".html", "")}.png`);
      expect(await page.evaluate<number>("document.documentElement.scrollWidth"), name).toBeLessThanOrEqual(PHONE.width);
      expect(await clipped(page, "td, .chips .st, svg.trend"), name).toEqual([]);
      await page.close();
    }
  });

  it("print: verdict and objectives at the top of page 1, timeline whole and visible, headings kept with what follows", async () => {
    const page = await browserOf().newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(await report([fixture("missed-rto")]), { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const verdict = await page.locator(".verdict").first().boundingBox();
    const objectives = await page.locator("section.drill table").first().boundingBox();
    // A4 at 96 dpi is 1123 px tall; both must sit on the first page.
    expect(verdict!.y + verdict!.height).toBeLessThan(1123);
    expect(objectives!.y + objectives!.height).toBeLessThan(1123);
    expect(await page.locator("svg.timeline").first().isVisible()).toBe(true);
    const styles = await page.evaluate(`({
      h3: getComputedStyle(document.querySelector("h3")).breakAfter,
      figure: getComputedStyle(document.querySelector("figure")).breakInside,
      section: getComputedStyle(document.querySelector("section.drill")).breakInside,
    })`);
    expect(styles).toEqual({ h3: "avoid", figure: "avoid", section: "auto" });
    const pdf = join(RESULTS, "print-missed-rto.pdf");
    await page.screenshot({ path: join(RESULTS, "print-missed-rto-page1.png") });
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    const pages = (readFileSync(pdf, "latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(8);
    await page.close();
  });

  it("print: the readiness page fits A4's printable width (no clipped column)", async () => {
    const r = readiness(LOCAL_PLAN, syntheticJournals().map((f) => readJournal(f)), new Date("2025-03-20T00:00:00Z"));
    // A4 is 794 px wide at 96 dpi; Chromium's default print margins leave about 718 px.
    const page = await browserOf().newPage({ viewport: { width: 718, height: 1000 } });
    await page.goto(htmlFile("readiness.html", renderReadinessHtml(r, "test")), { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(718);
    const wide = await page.$$eval("table", (els) => els.filter((e) => e.getBoundingClientRect().right > 718.5).length);
    expect(wide).toBe(0);
    await page.pdf({ path: join(RESULTS, "print-readiness.pdf"), format: "A4" });
    await page.close();
  });
});
