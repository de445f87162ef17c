// The HTML report as a reviewer opens it: in a real (headless) Chromium, from
// disk, with no network. Screenshots land in test-results/reports/ as artifacts.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { useChromium } from "../../support/chromium.ts";
import { writeReports } from "../../../reports/index.ts";
import { allJournals, fixture, RESULTS, tmp } from "../../unit/reports/fixtures.ts";

const browserOf = useChromium(RESULTS);

async function open(journals: string[], shot: string) {
  const dir = tmp();
  const [htmlFile] = await writeReports(journals, dir, ["html"]);
  const page = await browserOf().newPage({ viewport: { width: 1100, height: 1000 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(htmlFile!).href;
  await page.goto(url, { waitUntil: "load" });
  await page.screenshot({ path: join(RESULTS, shot), fullPage: true });
  return { page, errors, requests, url };
}

describe("HTML report in Chromium", () => {
  it("a failed drill: verdict at a glance, timeline and ledger visible, nothing fetched", async () => {
    const { page, errors, requests, url } = await open([fixture("lost-after-fault")], "lost-after-fault.png");
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await expect(page.locator(".verdict .badge").textContent()).resolves.toMatch(/failed/);
    for (const chart of ["svg.timeline", "svg.ledger"]) {
      const box = await page.locator(chart).first().boundingBox();
      expect(box!.width).toBeGreaterThan(600);
      expect(box!.height).toBeGreaterThan(100);
      expect(await page.locator(chart).first().isVisible()).toBe(true);
    }
    const outage = await page.locator("svg.timeline rect.lane-err").first().boundingBox();
    expect(outage!.width).toBeGreaterThan(20);
    await page.locator("svg.timeline").first().screenshot({ path: join(RESULTS, "lost-after-fault-timeline.png") });
    await page.close();
  });

  it("every journal in one report, hostile names inert", async () => {
    const { page, errors, requests, url } = await open(allJournals(), "all-journals.png");
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator("section.drill").count()).toBe(allJournals().length);
    expect(await page.locator("script, img, iframe").count()).toBe(0);
    const service = await page.locator('section[data-outcome] h2').allTextContents();
    expect(service.some((t) => t.includes("<script>alert(1)</script>"))).toBe(true);
    await page.close();
  });

  it("the CSP blocks any fetch even if markup slipped through", async () => {
    const { page } = await open([fixture("passed-orders-db-node-loss")], "passed-orders-db-node-loss.png");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toMatch(/^default-src 'none'/);
    await page.close();
  });
});
