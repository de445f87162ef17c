// Failed samples are drawn as failures, never as fast answers; wall-clock
// times stand beside the drill-relative ones in HTML and Markdown.
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../reports/html/report.ts";
import { renderMarkdown } from "../../../reports/markdown/drills.ts";
import { loadDrill } from "../../../reports/model/load.ts";
import { fixture } from "./fixtures.ts";

describe("failures and wall clock", () => {
  it("every bucket with a failed sample is marked on the latency panel; all-failed buckets break the latency line", async () => {
    const d = await loadDrill(fixture("missed-rto"));
    const page = renderHtml([d], "test");
    const failedBuckets = d.probes.flatMap((p) => p.buckets.filter((b) => b.value.errors > 0));
    expect(failedBuckets.length).toBeGreaterThan(0);
    const whole = page.slice(page.indexOf("Whole drill"));
    expect((whole.match(/class="lane-err latency-failed"/g) ?? []).length).toBeGreaterThanOrEqual(failedBuckets.filter((b) => d.probes[0]!.buckets.includes(b)).length);
    // An all-failed bucket inside the drill breaks the latency line (a new "M" after it) instead of drawing a fast answer.
    const allFailed = d.probes[0]!.buckets.map((b) => b.value.errors === b.value.n);
    expect(allFailed.slice(1, -1).some(Boolean)).toBe(true);
    const latencyPath = [...whole.matchAll(/<path d="([^"]*)" class="series" stroke="[^"]*"><title>[^<]*worst latency of answered samples/g)][0]![1]!;
    expect(latencyPath.split("M").length - 1).toBeGreaterThan(1);
  });

  it("the fault's wall-clock time in HTML and Markdown, and a wall-clock column in the phase log", async () => {
    const d = await loadDrill(fixture("missed-rto"));
    const t0 = new Date(d.started.clockOriginWallMs + d.t0!).toISOString();
    const page = renderHtml([d], "test");
    expect(page).toContain(`<dt>t0</dt><dd>${t0.slice(11, 23)} UTC (${t0.slice(0, 10)})</dd>`);
    expect(page).toContain("<th>Wall clock</th>");
    expect(page).toMatch(/<dt>Fault in effect<\/dt><dd>\S+ \d\d:\d\d:\d\d\.\d{3} UTC → /);
    expect(renderMarkdown([d], { generator: "t" })).toContain(`Fault took effect (t0) at ${t0.replace("T", " ").slice(0, 23)} UTC`);
  });
});
