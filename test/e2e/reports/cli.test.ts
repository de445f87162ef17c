// `drill report` and `drill readiness` through the real CLI edge (flags, exit
// codes, messages), in-process with their output captured.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defineCommand } from "citty";
import { describe, expect, it } from "vitest";
import { readinessCommand } from "../../../runners/cli/commands/readiness.ts";
import { reportCommand } from "../../../runners/cli/commands/report.ts";
import { fixture, JOURNALS, tmp } from "../../unit/reports/fixtures.ts";
import { LOCAL_PLAN } from "../../unit/reports/plan.ts";
import { cliInProcess } from "../../support/run-cli-in-process.ts";

const root = defineCommand({ meta: { name: "drill" }, subCommands: { report: reportCommand, readiness: readinessCommand } });

const drill = (...argv: string[]) => cliInProcess(argv, root);

describe("drill report", () => {
  it("writes every format into --out and lists the drills", async () => {
    const out = tmp();
    const r = await drill("report", fixture("missed-rto"), fixture("passed-orders-db-node-loss"), "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["report.html", "report.json", "report.junit.xml", "report.md"]);
    expect(r.stdout).toMatch(/failed\s+sessions-cache\s+process-hang/);
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("1 failed, 1 passed");
  });

  it("--format picks formats; an unknown one is exit 2 naming the choices", async () => {
    const out = tmp();
    expect((await drill("report", JOURNALS, "--format", "md,junit", "--out", out)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["report.junit.xml", "report.md"]);
    const bad = await drill("report", JOURNALS, "--format", "pdf", "--out", out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "pdf"; formats: html, md, json, junit');
  });

  it("a bad journal (the only one) is exit 2 naming file and line; nothing is written", async () => {
    const dir = tmp();
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, `${readFileSync(fixture("missed-rto"), "utf8").split("\n")[0]}\nnot json\n{}\n`);
    const r = await drill("report", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:2: not a JSON record`);
    expect(existsSync(join(dir, "report.html"))).toBe(false);
  });

  it("a missing path is exit 2", async () => {
    const r = await drill("report", "/nonexistent/journal.jsonl");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such journal or directory: /nonexistent/journal.jsonl");
  });
});

describe("drill readiness", () => {
  const planFile = () => {
    const file = join(tmp(), "plan.json");
    writeFileSync(file, JSON.stringify(LOCAL_PLAN));
    return file;
  };

  it("writes readiness.html and .md, lists the gaps, exits 1 on error gaps", async () => {
    const out = tmp();
    const r = await drill("readiness", "--evidence", JOURNALS, "--plan", planFile(), "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["readiness.html", "readiness.md"]);
    expect(r.stdout).toMatch(/R1\s+error\s+web/);
  });

  it("--json prints the readiness object", async () => {
    const r = await drill("readiness", "--evidence", JOURNALS, "--plan", planFile(), "--json");
    const value = JSON.parse(r.stdout);
    expect(value.plan).toEqual({ project: "continuity-drill", stack: "local", target: "local" });
    expect(value.services).toHaveLength(3);
  });
});

describe("evidence counted once and only where it belongs (CLI)", () => {
  it("duplicate tree: drill report over 12 copies of 6 journals lists 6 drills and the copies as not counted", async () => {
    const { cpSync } = await import("node:fs");
    const { writeGateJournals } = await import("../../support/gate-journals.ts");
    const dir = tmp();
    writeGateJournals(dir, Array.from({ length: 6 }, (_, i) => ({ scenario: `s${i}`, measuredRtoMs: 4_000, dataLossMs: 0 })));
    for (let i = 1; i < 12; i++) cpSync(join(dir, "journals"), join(dir, `copy-${i}`), { recursive: true });
    const out = tmp();
    const r = await drill("report", dir, "--out", out);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).totals.drills).toBe(6);
    expect((r.stdout.match(/^duplicate\s/gm) ?? []).length).toBe(66);
  });

  it("cross-stack: readiness of the AWS plan marks every service never exercised when only local evidence exists", async () => {
    const { writeGateJournals } = await import("../../support/gate-journals.ts");
    const dir = tmp();
    writeGateJournals(dir, [{ service: "orders-db", hazard: "node-loss", startedAt: new Date(Date.now() - 86_400_000).toISOString() }]);
    const aws = join(tmp(), "aws-plan.json");
    writeFileSync(aws, JSON.stringify({ ...LOCAL_PLAN, stack: "aws", target: "aws" }));
    const r = await drill("readiness", "--evidence", dir, "--plan", aws, "--json");
    const value = JSON.parse(r.stdout) as { services: { cells: { freshness: string }[] }[]; ignored: { kind: string }[] };
    expect(value.services.flatMap((s) => s.cells.map((c) => c.freshness)).every((f) => f === "never")).toBe(true);
    expect(value.ignored).toMatchObject([{ kind: "other-plan" }]);
    expect(r.code).toBe(1);
  });
});
