// What a drill exercised is shown in every report format; a journal written
// before identity existed (format 1) shows "unknown", never a guess.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDrill } from "../../../reports/model/load.ts";
import { renderFormat } from "../../../reports/write.ts";
import { FORMATS } from "../../../reports/formats.ts";
import { writeGateJournals } from "../../support/gate-journals.ts";
import { fixture } from "./fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "identity-formats-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("identity in every report format", () => {
  it("HTML, Markdown, JSON and JUnit name the project, stack, digests, run and drill", async () => {
    const [file] = writeGateJournals(dir, [{ runId: "20250314T090000Z-cafe0001", drillId: "drill-identity-1" }]);
    const d = await loadDrill(file!);
    const planDigest = d.started.identity!.planDigest;
    for (const format of FORMATS) {
      const text = renderFormat(format, [d]);
      for (const v of [planDigest, d.started.identity!.serviceDigest, d.started.identity!.scenarioDigest, "20250314T090000Z-cafe0001", "drill-identity-1", "continuity-drill"]) {
        expect(text, `${format} shows ${v}`).toContain(v);
      }
    }
    expect(renderFormat("junit", [d])).toContain(`<property name="identity.plan-digest" value="${planDigest}"/>`);
    expect(JSON.parse(renderFormat("json", [d])).drills[0].identity).toMatchObject({ planDigest, runId: "20250314T090000Z-cafe0001", source: "not in a git tree", journalVersion: 2 });
  });

  it("a version 1 journal: identity unknown in every format, the rest as before", async () => {
    const d = await loadDrill(fixture("missed-rto"));
    expect(JSON.parse(renderFormat("json", [d])).drills[0].identity).toMatchObject({ planDigest: "unknown", serviceDigest: "unknown", scenarioDigest: "unknown", source: "unknown", runId: "unknown", journalVersion: 1 });
    expect(renderFormat("junit", [d])).toContain('<property name="identity.plan-digest" value="unknown"/>');
    expect(renderFormat("md", [d])).toMatch(/plan digest `unknown`/);
    expect(renderFormat("html", [d])).toMatch(/<dt>Plan digest<\/dt><dd><code class="sha">unknown<\/code>/);
  });
});
