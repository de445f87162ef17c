// `drill gate` as a process: exit codes, text and JSON output. Run through a
// root command holding only `gate` (the CLI edge is the real one), so it is
// tested whether or not main.ts registers it yet.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeGateJournals, type GateDrill } from "../../support/gate-journals.ts";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const BAD = fileURLToPath(new URL("../../fixtures/gate/outcome-not-in-format", import.meta.url));
const RUNNER = `
import { register } from "tsx/esm/api";
register();
const { defineCommand } = await import("citty");
const { runCli } = await import("./runners/cli/edge.ts");
const { gateCommand } = await import("./runners/cli/commands/gate.ts");
process.exitCode = await runCli(defineCommand({ meta: { name: "drill" }, subCommands: { gate: gateCommand } }), process.argv.slice(1));
`;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function evidence(drills: GateDrill[]): string {
  const dir = mkdtempSync(join(tmpdir(), "gate-cli-"));
  dirs.push(dir);
  writeGateJournals(dir, drills);
  return dir;
}

function drillGate(...args: string[]) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", RUNNER, "gate", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const three = (d: (i: number) => GateDrill) => Array.from({ length: 3 }, (_, i) => ({ repeat: { index: i + 1, of: 3 }, ...d(i) }));

describe("drill gate", () => {
  it("exit 0 when every gated figure is within its objective, with the distribution in a table", () => {
    const r = drillGate(evidence(three((i) => ({ rtoMs: 4_000 + i * 1_000, dataLossMs: 0 }))));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/local\/orders-db-node-loss\s+RTO\s+3\s+4\.00 s\s+5\.00 s\s+6\.00 s\s+6\.00 s\s+30\.00 s\s+within/);
    expect(r.stdout).toMatch(/gate p95: PASSED \(1 scenario\(s\), 3 drill\(s\) judged\)/);
  });

  it("exit 1 when a statistic exceeds its objective; --gate max and p95 differ over twenty runs", () => {
    const dir = evidence(Array.from({ length: 20 }, (_, i) => ({ rtoMs: i === 0 ? 45_000 : 5_000 })));
    expect(drillGate(dir, "--gate", "p95").code).toBe(0);
    const max = drillGate(dir, "--gate", "max");
    expect(max.code).toBe(1);
    expect(max.stdout).toMatch(/RTO: max 45\.00 s EXCEEDS the objective 30\.00 s over 20 run\(s\)/);
  });

  it("exit 3 when a drill was interrupted or runs are missing; --ignore-incomplete judges the rest", () => {
    const dir = evidence(three((i) => (i === 1 ? { outcome: "interrupted" } : {})));
    const r = drillGate(dir);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/COULD NOT JUDGE[\s\S]*1 of 3 drill\(s\) did not finish/);
    expect(drillGate(dir, "--ignore-incomplete").code).toBe(0);
    expect(drillGate(evidence([{}]), "--expect", "2").code).toBe(3);
  });

  it("--json prints the report; an unmeasured figure is null", () => {
    const r = drillGate(evidence([{ rtoMs: "not-recovered" }]), "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { exitCode: number; groups: { figures: { figure: string; value: number | null }[] }[] };
    expect(report.exitCode).toBe(1);
    expect(report.groups[0]!.figures[0]).toMatchObject({ figure: "rto", value: null });
  });

  it("a journal not in the format is named (file:line) and makes its scenario could-not-judge (exit 3), never a pass", () => {
    const bad = drillGate(BAD);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/COULD NOT JUDGE[\s\S]*unreadable journal, could not judge it: .*outcome-not-in-format\/20250314T090000Z-orders-db-node-loss\.jsonl:4: outcome: /);
  });

  it("exit 2 for bad input: no journals, a bad flag value", () => {
    const empty = mkdtempSync(join(tmpdir(), "gate-cli-empty-"));
    dirs.push(empty);
    expect(drillGate(empty)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no journals \(\*\.jsonl\) under/) });
    expect(drillGate(empty, "--gate", "p99")).toMatchObject({ code: 2, stderr: expect.stringMatching(/--gate: "p99" is not a statistic; expected p95 or max/) });
    expect(drillGate()).toMatchObject({ code: 2, stderr: expect.stringMatching(/name at least one evidence directory/) });
    expect(drillGate(empty, "--repeat", "3")).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown flag --repeat/) });
  });
});
