// The CI recipes in examples/ci/ are documentation people copy: they must be
// valid YAML, and every `drill` command they run must exist — checked against
// the real CLI (`drill <command…> --help` exits 0 only for a known command).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { drill } from "../../support/cli.ts";

const read = (name: string) => readFileSync(new URL(`../../../examples/ci/${name}`, import.meta.url), "utf8");

/** Every shell line a workflow runs: GitHub steps' `run`, GitLab jobs' script lists. */
function shellOf(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (node: unknown, key?: string): void => {
    if (typeof node === "string" && (key === "run" || key === "script" || key === "before_script" || key === "after_script")) out.push(node);
    else if (Array.isArray(node)) node.forEach((n) => visit(n, key));
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(doc);
  return out;
}

/** `npx drill env bootstrap --x` → ["env", "bootstrap"]: the command words after `drill`. */
function drillCommands(shell: string[]): string[][] {
  const out: string[][] = [];
  for (const text of shell) {
    // Only where a shell command starts: "no nightly drill has run" in an echo is prose.
    for (const m of text.matchAll(/(?:^|[;&|(])[ \t]*(?:npx[ \t]+)?drill((?:[ \t]+[a-z][a-z-]*(?=[\s;&|)]|$))+)/gm)) out.push(m[1]!.trim().split(/[ \t]+/));
  }
  return out;
}

const files = ["github-actions.yml", "gitlab-ci.yml", "github-actions-own-program.yml", "gitlab-ci-own-program.yml"];

describe("CI examples", () => {
  it.each(files)("%s is valid YAML", (name) => {
    const doc = parseDocument(read(name));
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it("GitHub: a nightly drill with repeats and a p95 gate, evidence and JUnit kept, and a PR check", () => {
    const wf = parse(read("github-actions.yml")) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }> };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(["schedule", "pull_request"]));
    const nightly = wf.jobs["nightly-drill"]!.steps;
    expect(nightly.map((s) => s.run)).toContain("npx drill run --all --repeat 3 --gate p95 --out evidence");
    expect(nightly.find((s) => s.uses?.startsWith("actions/setup-node"))!.with).toMatchObject({ "node-version": 20 });
    expect(nightly.map((s) => s.run)).toContain("npm ci");
    expect(nightly.find((s) => s.uses?.startsWith("actions/upload-artifact"))!.with!.path).toBe("evidence/");
    expect(nightly.some((s) => s.uses?.includes("junit"))).toBe(true);
    const pr = shellOf(wf.jobs["pr-check"]! as never).join("\n");
    expect(pr).toMatch(/npx drill verify/);
    expect(pr).toMatch(/npx drill gate evidence\//);
  });

  it("GitLab: the same, with the JUnit report as a GitLab artifact report", () => {
    const ci = parse(read("gitlab-ci.yml")) as Record<string, { script?: string[]; artifacts?: { reports?: { junit?: string } } }>;
    expect(ci["nightly-drill"]!.script).toContain("npx drill run --all --repeat 3 --gate p95 --out evidence");
    expect(ci["nightly-drill"]!.artifacts!.reports!.junit).toBe("evidence/reports/**/report.junit.xml");
    expect(shellOf(ci.verify as never).join("\n")).toMatch(/npx drill verify[\s\S]*npx drill gate evidence\//);
  });

  it.each(["github-actions-own-program.yml", "gitlab-ci-own-program.yml"])("%s drills the user's own program with --due and keeps the evidence for the next run", (name) => {
    const shell = shellOf(parse(read(name)) as Record<string, unknown>).join("\n");
    expect(shell).toMatch(/npx drill run --due --program "\$PROGRAM" --stack "\$STACK" --evidence evidence --out evidence/);
    expect(shell).not.toMatch(/drill env|--all/);
    // The previous run's evidence is fetched before drilling, and this run's kept after.
    expect(shell.indexOf("download")).toBeGreaterThanOrEqual(0);
    expect(shell.indexOf("download")).toBeLessThan(shell.indexOf("drill run --due"));
    expect(read(name)).toMatch(/evidence\/\n/);
  });

  it("every drill command the examples run exists in the CLI", () => {
    const commands = files.flatMap((f) => drillCommands(shellOf(parse(read(f)) as Record<string, unknown>)));
    const distinct = [...new Map(commands.map((c) => [c.join(" "), c])).values()];
    expect(distinct.map((c) => c.join(" ")).sort()).toEqual(["env bootstrap", "env down", "gate", "plan", "readiness", "run", "verify"]);
    for (const command of distinct) {
      const r = drill([...command, "--help"], { timeoutMs: 60_000 });
      expect({ command: command.join(" "), code: r.code, stderr: r.stderr.trim() }).toEqual({ command: command.join(" "), code: 0, stderr: "" });
    }
  });
});
