// Scenarios are checked before they run: `drill verify` validates each one as
// `drill run` does, `drill run --dry-run` touches nothing, and scenario folders
// are the user's, never the tool's own examples.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drill, REPO } from "../../support/cli.ts";

const userProgram = join(REPO, "test/fixtures/user-program");

describe("scenarios checked before they run", () => {
  it("verify reports an invalid scenario with all six of its errors and does not count it as coverage", () => {
    const r = drill(["verify", "--program", userProgram, "--stack", "dev", "--scenarios", join(userProgram, "scenarios/broken"), "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: { rule: string; message: string; service?: string; field?: string }[] };
    const s1 = out.findings.filter((f) => f.rule === "S1");
    expect(s1).toHaveLength(1);
    const listed = s1[0]!.message.split("\n").filter((l) => l.startsWith("  "));
    expect(listed.map((l) => l.trim().split(":")[0])).toEqual([
      "faults[0].duration", "faults[0].kind", "windows.stableFor", "windows.steady", "workload.probes[0].kind", "workload.probes[0].rateHz",
    ]);
    expect(s1[0]!.message).toMatch(/unknown fault kind "fis\.experment"/);
    // ledger's node-loss stays untested: the broken scenario is no coverage.
    expect(out.findings.some((f) => f.rule === "V5" && f.service === "ledger")).toBe(true);
  });

  it("a --scenarios folder that does not exist is an error, exit 2", () => {
    const r = drill(["verify", "--program", userProgram, "--stack", "dev", "--scenarios", "/no/such/folder"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--scenarios: \/no\/such\/folder is not a directory/);
  });

  it("with --plan the scenarios are the ones beside the current directory, importing continuity-drill/scenarios", () => {
    const dir = mkdtempSync(join(tmpdir(), "cd-plan-"));
    const plan = drill(["plan", "--program", userProgram, "--stack", "dev", "--json"]);
    writeFileSync(join(dir, "plan.json"), plan.stdout);
    const r = drill(["verify", "--plan", join(dir, "plan.json"), "--json"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { scenarios: string; findings: { rule: string; message: string }[] };
    expect(out.scenarios).toBe(join(dir, "scenarios/dev"));
    expect(out.findings.find((f) => f.rule === "S0")?.message).toMatch(/no scenario folder at/);
    const withScenarios = drill(["verify", "--plan", join(dir, "plan.json"), "--scenarios", join(userProgram, "scenarios/dev"), "--json"], { cwd: dir });
    const found = JSON.parse(withScenarios.stdout) as { findings: { rule: string; service?: string; field?: string }[] };
    expect(found.findings.filter((f) => f.rule === "S1")).toEqual([]);
    expect(found.findings.some((f) => f.rule === "V5" && f.service === "api")).toBe(false);
  });

  it("run --dry-run validates, resolves targets and prints the plan of the run, writing nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "cd-dry-")), "evidence");
    const r = drill(["run", "api-latency", "--program", userProgram, "--stack", "dev", "--dry-run", "--out", out]);
    expect(r.stderr.replace(/note: .*\n/g, "")).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/inject {2}net\.latency on endpoint primary of ledger at postgres:\/\/127\.0\.0\.1:6543\/ledger \{"delay":"500ms"\}/);
    expect(r.stdout).toContain("nothing was started, injected or written");
    expect(existsSync(out)).toBe(false);
  });
});
