import { describe, expect, it } from "vitest";
import { humanMs } from "../../../core/duration.ts";
import { figure } from "../../../reports/figures.ts";
import { renderHtml } from "../../../reports/html/report.ts";
import { loadDrill } from "../../../reports/model/load.ts";
import { html } from "../../../reports/safe/escape.ts";
import { allJournals, fixture, PLANTED_SECRETS } from "./fixtures.ts";

const render = async (...files: string[]) => {
  const drills = await Promise.all(files.map(loadDrill));
  return { drills, page: renderHtml(drills, "test") };
};

describe("HTML report", () => {
  it.each(allJournals())("%s: shows the journal's own figures", async (file) => {
    const { drills: [d], page } = await render(file);
    expect(page).toContain(`data-outcome="${d!.outcome}"`);
    expect(page).toContain(d!.sha256);
    for (const v of d!.summary?.verdicts ?? []) {
      expect(page).toContain(html(figure(v.measured, v.unit)));
      expect(page).toContain(`st-${v.status}`);
    }
    for (const p of d!.summary?.probes ?? []) if (p.rtoMs !== undefined) expect(page).toContain(html(humanMs(p.rtoMs)));
  });

  it("shows the missed RTO as measured and objective, with the margin", async () => {
    const { page } = await render(fixture("missed-rto"));
    expect(page).toContain("<b>14.50 s</b>");
    expect(page).toContain("−4.50 s");
    expect(page).toContain("RTO 14.50 s &gt; 10.00 s");
    expect(page).toMatch(/class="badge" data-outcome="failed">✘ failed/);
  });

  it("draws the timeline with the fault window, markers and the RTO line", async () => {
    const { page } = await render(fixture("passed-orders-db-node-loss"));
    expect(page).toMatch(/<svg[^>]*class="chart timeline"/);
    expect(page).toContain('class="fault"');
    for (const label of ["t0 fault", "first failure +400 ms", "recovered +7.40 s", "RTO 30.00 s"]) expect(page).toContain(label);
    expect(page).toContain('class="lane-err"');
  });

  it("draws the ledger with lost writes and the data-loss window against the RPO", async () => {
    const { page } = await render(fixture("lost-after-fault"));
    expect(page).toMatch(/<svg[^>]*class="chart ledger"/);
    expect(page).toContain('class="lost"');
    expect(page).toContain('class="lost-after"');
    expect(page).toContain('class="loss-window"');
    expect(page).toContain("RPO 0 ms");
  });

  it("is one self-contained file: no scripts, no external references, a CSP that forbids fetching", async () => {
    const { page } = await render(...allJournals());
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(page).not.toMatch(/\s(src|href)="(?!#)/);
    expect(page).toContain('content="default-src &#39;none&#39;');
  });

  it("with many drills, a summary table links to each drill's section", async () => {
    const files = allJournals();
    const { page } = await render(...files);
    files.forEach((_, i) => {
      expect(page).toContain(`href="#drill-${i + 1}"`);
      expect(page).toContain(`id="drill-${i + 1}"`);
    });
  });

  it("renders hostile names as text and never shows a secret", async () => {
    const { page } = await render(fixture("hostile-names"));
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toMatch(/<script>alert|<img src=x|onerror=alert\(6\)>/);
    expect(page).toContain("postgres://app:***@db.internal");
    for (const s of PLANTED_SECRETS) expect(page).not.toContain(s);
  });
});
