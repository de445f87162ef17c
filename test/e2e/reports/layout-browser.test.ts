// The layouts people use, in a real headless Chromium: a phone 390 px wide (no
// horizontal scrolling, verdicts, chips and findings never clipped) and print
// (the verdict and objectives at the top of page 1, the timeline kept whole,
// headings never left alone at a page's foot). Screenshots and the PDF land in
// test-results/reports/ as artifacts.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
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

const HEADINGS = /^(Timeline|Objectives|Exercise record|Deviations( \(\d+\))?|Review and actions|Writes and data loss|Phases|Plan context)$/;

/** Each page's text, laid out as printed (pdftotext from poppler-utils, which scripts/test.sh installs). */
function pdfPages(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
}

const lastLine = (page: string) => page.trimEnd().split("\n").at(-1)!.trim();

/** Share of non-white pixels on one page, rasterised by pdftoppm (also saved as a PNG beside the PDF to look at). */
function inkShare(pdf: string, pageNo: number): number {
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", String(pageNo), "-l", String(pageNo), "-singlefile", pdf, pdf.replace(/\.pdf$/, `-pdf-page${pageNo}`)]);
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", "30", "-f", String(pageNo), "-l", String(pageNo), "-singlefile", pdf]);
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (const v of pixels) if (v < 200) ink++;
  return ink / pixels.length;
}

function htmlFile(name: string, content: string): string {
  const file = join(tmp("layout-"), name);
  writeFileSync(file, content);
  return pathToFileURL(file).href;
}

/** Elements matching `selector` whose box reaches past the viewport's right edge, or whose content overflows them (clipped). */
async function clipped(page: Page, selector: string, viewportWidth = PHONE.width): Promise<string[]> {
  return page.$$eval(selector, (els, width) => els.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > (width as number) + 0.5 || e.scrollWidth > e.clientWidth + 1);
  }).map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? "").trim().slice(0, 60)}`), viewportWidth);
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

  it("a drill report at 1400 px: nothing clipped, the timeline uses the width", async () => {
    const page = await browserOf().newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(await report([fixture("missed-rto"), fixture("lost-after-fault")]), { waitUntil: "load" });
    await page.screenshot({ path: join(RESULTS, "desktop-1400-report.png"), fullPage: true });
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(1400);
    expect(await clipped(page, ".verdict .badge, .chips .st, section.drill h2, table.summary td, .exercise dd, .deviations li", 1400)).toEqual([]);
    const chart = await page.locator("svg.timeline").first().boundingBox();
    expect(chart!.width).toBeGreaterThan(700);
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
    await page.close();
    // The PDF itself, as poppler reads it (not the print emulation): the verdict and
    // objectives on page 1, no page ending on a heading, page 1 well filled.
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(8);
    expect(pages[0]).toMatch(/FAILED/);
    expect(pages[0]).toMatch(/RTO \(recovery/);
    for (const [i, text] of pages.entries()) expect(lastLine(text), `page ${i + 1} ends on a heading`).not.toMatch(HEADINGS);
    expect(inkShare(pdf, 1)).toBeGreaterThan(0.04);
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
