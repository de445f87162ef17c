import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../../reports/junit/render.ts";
import { loadDrill } from "../../../reports/model/load.ts";
import { validateXml } from "../../support/xmllint.ts";
import { allJournals, fixture, PLANTED_SECRETS, tmp, XSD } from "./fixtures.ts";

const render = async (...files: string[]) => renderJunit(await Promise.all(files.map(loadDrill)), "test");
const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

function valid(xml: string): void {
  const file = join(tmp(), "report.junit.xml");
  writeFileSync(file, xml);
  const r = validateXml(file, XSD);
  expect(r.output).toMatch(/validates$/);
  expect(r.ok).toBe(true);
}

describe("JUnit report", () => {
  it.each(allJournals())("%s validates against the JUnit schema", async (file) => valid(await render(file)));

  it("all journals in one file validate, with one suite per drill", async () => {
    const xml = await render(...allJournals());
    valid(xml);
    expect(count(xml, /<testsuite /g)).toBe(allJournals().length);
  });

  it("the schema is real: a report it should reject is rejected", () => {
    const file = join(tmp(), "bad.xml");
    writeFileSync(file, `<testsuites><testsuite name="x"><testcase name="y"/></testsuite></testsuites>`);
    expect(validateXml(file, XSD).ok).toBe(false);
  });

  it("a missed objective is a failure carrying measured against objective", async () => {
    const xml = await render(fixture("missed-rto"));
    expect(xml).toMatch(/<testcase classname="sessions-cache" name="sessions-cache-process-hang rto \(drill [^"]+\)" time="\d+\.\d{3}">\s*<failure message="RTO 14.50 s &gt; 10.00 s" type="objective-missed">measured: 14.50 s\nobjective: 10.00 s\nmargin: −4.50 s/);
    expect(count(xml, /<failure /g)).toBe(1);
    // A passing case carries its measured value, and a real time (the drill's duration).
    expect(xml).toMatch(/name="sessions-cache-process-hang rpo \(drill [^"]+\)" time="(\d+\.\d{3})">\s*<system-out>measured: [^<]*\nobjective: 5\.00 s\nmargin: /);
    expect(xml).not.toMatch(/time="0\.000"/);
  });

  it("one testcase per objective: rto, rpo, availability, lost-after-fault", async () => {
    const xml = await render(fixture("lost-after-fault"));
    for (const o of ["rto", "rpo", "availability", "lost-after-fault"]) expect(xml).toContain(`name="orders-db-network-partition ${o} (drill `);
    expect(count(xml, /<failure /g)).toBe(2);
  });

  it("not measured is a failure (nothing measured is nothing met), waived is skipped with its reason; not-started and interrupted drills are errors", async () => {
    const notStarted = await render(fixture("not-started-preflight"));
    expect(count(notStarted, /<error message="drill not-started: preflight/g)).toBe(4);
    const interrupted = await render(fixture("interrupted-no-summary"));
    expect(count(interrupted, /<error message="drill interrupted/g)).toBe(4);
    expect(interrupted).toContain('errors="4"');
    const d = await loadDrill(fixture("passed-orders-db-node-loss"));
    d.summary!.verdicts[1] = { objective: "rpo", status: "not-measured", unit: "ms", note: "no ledger" };
    expect(renderJunit([d], "test")).toMatch(/<failure message="not measured: no ledger" type="not-measured">/);
    d.summary!.verdicts[1] = { objective: "rpo", status: "waived", unit: "ms", note: "read-only path" };
    expect(renderJunit([d], "test")).toContain('<skipped message="waived: read-only path"/>');
  });

  it("escapes hostile names and leaks no secret", async () => {
    const xml = await render(fixture("hostile-names"));
    valid(xml);
    expect(xml).toContain('classname="&lt;script&gt;alert(1)&lt;/script&gt;"');
    for (const s of PLANTED_SECRETS) expect(xml).not.toContain(s);
  });
});

describe("repeated JUnit (--repeat 3)", () => {
  it("keeps 3 distinct cases per objective (classname + name), real times, integer suite ids, a message on every skipped; validates", async () => {
    const { writeGateJournals } = await import("../../support/gate-journals.ts");
    const files = writeGateJournals(tmp(), [1, 2, 3].map((index) => ({ repeat: { index, of: 3 }, measuredRtoMs: index === 2 ? 45_000 : 5_000, dataLossMs: 0 })));
    const xml = await render(...files);
    valid(xml);
    const cases = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="([^"]*)"/g)].map((m) => ({ key: `${m[1]}|${m[2]}`, name: m[2]!, time: Number(m[3]) }));
    expect(new Set(cases.map((c) => c.key)).size).toBe(cases.length);
    const rto = cases.filter((c) => / rto \[repeat \d\/3\]/.test(c.name));
    expect(rto.map((c) => c.name.match(/\[repeat (\d)\/3\]/)![1])).toEqual(["1", "2", "3"]);
    expect(cases.every((c) => c.time > 0)).toBe(true);
    expect([...xml.matchAll(/<testsuite [^>]* id="([^"]*)"/g)].map((m) => m[1])).toEqual(["0", "1", "2"]);
    // The failing repeat is its own case: CI cannot keep a pass in its place.
    expect(xml).toMatch(/name="orders-db-node-loss rto \[repeat 2\/3\][^"]*" time="[\d.]+">\s*<failure message="RTO 45\.00 s &gt; 30\.00 s"/);
    expect(count(xml, /<skipped(?![^>]*message=")/g)).toBe(0);
  });
});
