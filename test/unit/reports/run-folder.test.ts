// A run's reports land in a folder named after the run, with an index page
// linking each drill's own report, and one Markdown/JSON/JUnit for the run.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDrill } from "../../../reports/model/load.ts";
import { runFolderName, writeRunFolder } from "../../../reports/html/run-folder.ts";
import { fixture, tmp } from "./fixtures.ts";

describe("run folder", () => {
  it("index.html links every drill's report, which exists; the run's formats sit beside it", async () => {
    const journals = [fixture("missed-rto"), fixture("passed-orders-db-node-loss"), fixture("lost-after-fault")];
    const out = tmp("run-folder-");
    const written = await writeRunFolder(journals, out);
    const first = await loadDrill(journals[0]!);
    const dir = join(out, runFolderName([first]));
    expect(dirname(written[0]!)).toBe(dir);
    const index = readFileSync(join(dir, "index.html"), "utf8");
    const links = [...index.matchAll(/<a href="([^"]+\/report\.html)">/g)].map((m) => m[1]!);
    expect(links).toHaveLength(3);
    for (const l of links) expect(existsSync(join(dir, l)), l).toBe(true);
    expect(new Set(links).size).toBe(3);
    for (const f of ["report.md", "report.json", "report.junit.xml"]) expect(existsSync(join(dir, f)), f).toBe(true);
    expect((readFileSync(join(dir, "report.junit.xml"), "utf8").match(/<testsuite /g) ?? []).length).toBe(3);
    expect(index).toContain("st-failed");
  });

  it("named after the run id a version 2 journal records, else the first drill's start", async () => {
    const v1 = await loadDrill(fixture("missed-rto"));
    expect(runFolderName([v1])).toBe("20250310T140000Z");
    const v2 = { ...v1, started: { ...v1.started, identity: { runId: "20261130T210000Z-1a2b3c4d" } } } as unknown as typeof v1;
    expect(runFolderName([v2])).toBe("20261130T210000Z-1a2b3c4d");
  });
});
