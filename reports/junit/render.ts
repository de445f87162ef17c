// JUnit XML for CI: a <testsuite> per drill, a <testcase> per objective. Kept to
// the common Jenkins/Ant schema (test/fixtures/junit/junit.xsd) that CI parsers
// (Jenkins, GitLab, GitHub actions, Azure) accept; every string is escaped and
// redacted, control characters that XML forbids are replaced.
import type { DrillModel } from "../model/drill-model.ts";
import { identityRows } from "../model/identity.ts";
import { xml } from "../safe/escape.ts";
import { testCases, type TestCase } from "./testcases.ts";

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);
const NL = "\n";

export function renderJunit(drills: readonly DrillModel[], generator: string): string {
  const suites = drills.map((d) => ({ d, cases: testCases(d) }));
  const count = (kind: string) => suites.reduce((n, s) => n + s.cases.filter((c) => c.result.kind === kind).length, 0);
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const time = suites.reduce((t, s) => t + (s.d.summary?.durationMs ?? 0), 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- ${xml(generator).replace(/--/g, "- -")} -->`,
    `<testsuites name="continuity-drill" tests="${tests}" failures="${count("failure")}" errors="${count("error")}" time="${seconds(time)}">`,
    ...suites.map(({ d, cases }, i) => suite(d, cases, i)),
    `</testsuites>`,
    "",
  ].join("\n");
}

/** `id` is the suite's index (the Ant schema's integer); the drill id is a property. */
function suite(d: DrillModel, cases: TestCase[], index: number): string {
  const s = d.started;
  const n = (kind: string) => cases.filter((c) => c.result.kind === kind).length;
  const props: [string, string][] = [
    ["drill.id", s.drillId], ["service", s.scenario.service], ["hazard", s.scenario.hazard], ["scenario", s.scenario.name],
    ["outcome", d.outcome], ["stack", `${s.plan.project}/${s.plan.stack}`], ["tool", `${s.tool.name} ${s.tool.version}`],
    ["run.by", `${s.host.user}@${s.host.hostname}`], ["journal", d.name], ["journal.sha256", d.sha256],
    ...identityRows(s).map(([k, v]): [string, string] => [`identity.${k.toLowerCase().replace(/ /g, "-")}`, v]),
  ];
  return [
    `  <testsuite name="${xml(`${s.scenario.service} · ${s.scenario.hazard} (${s.scenario.name})`)}" tests="${cases.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}" time="${seconds(d.summary?.durationMs)}" ${timestamp(s.startedAt)}hostname="${xml(s.host.hostname)}" id="${index}" package="${xml(`${s.plan.project}.${s.plan.stack}`)}">`,
    `    <properties>`,
    ...props.map(([k, v]) => `      <property name="${xml(k)}" value="${xml(v)}"/>`),
    `    </properties>`,
    ...cases.map(testcase),
    `  </testsuite>`,
  ].join("\n");
}

/** JUnit timestamps are local-less ISO date-times (no zone): UTC, said once here. */
function timestamp(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "" : `timestamp="${new Date(ms).toISOString().replace(/Z$/, "")}" `;
}

function testcase(c: TestCase): string {
  const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="${c.seconds.toFixed(3)}">`;
  const r = c.result;
  if (r.kind === "pass") return r.text ? `${open}${NL}      <system-out>${xml(r.text)}</system-out>${NL}    </testcase>` : `${open.slice(0, -1)}/>`;
  const body = r.text ? xml(r.text) : "";
  // The schema gives <skipped> a message only; <failure> and <error> also a type.
  const type = r.kind === "skipped" ? "" : ` type="${xml(r.type)}"`;
  return `${open}\n      <${r.kind} message="${xml(r.message)}"${type}${body ? `>${body}</${r.kind}>` : "/>"}\n    </testcase>`;
}
