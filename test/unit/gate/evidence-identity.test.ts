// Evidence that cannot be fooled (issue 15), as `drill gate` reads it: each
// test is named after the defect it guards against, on journal trees written
// the way a run writes them.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gate, readGateJournals, type GateReport } from "../../../runners/gate/index.ts";
import { markInterrupted } from "../../../runners/drill/mark-interrupted.ts";
import { loadReportDrills } from "../../../reports/write.ts";
import { writeGateJournals, type GateDrill } from "../../support/gate-journals.ts";
import { exitCodeOfOutcome, outcomeOfGate } from "../../../runners/cli/outcome.ts";

/** The exit code `drill gate` gives for this report (the mapping lives at the CLI). */
const exitCode = (r: GateReport) => exitCodeOfOutcome(outcomeOfGate(r.status));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tree = (drills: GateDrill[]) => {
  const dir = mkdtempSync(join(tmpdir(), "evidence-identity-"));
  dirs.push(dir);
  return { dir, files: writeGateJournals(dir, drills) };
};
const NOW = new Date("2025-03-20T00:00:00Z");
const threeOfFive = Array.from({ length: 3 }, (_, i): GateDrill => ({ repeat: { index: i + 1, of: 5 }, measuredRtoMs: 5_000 }));

describe("gate: each drill counted once, only where it belongs", () => {
  it("duplicate tree: the same journals copied twice stay 'could not judge, 3 of 5', the copies listed as duplicates", async () => {
    const { dir } = tree(threeOfFive);
    const once = gate(await readGateJournals([dir], NOW), { statistic: "p95" });
    expect(once.status).toBe("could-not-judge");
    cpSync(join(dir, "journals"), join(dir, "copy-1"), { recursive: true });
    cpSync(join(dir, "journals"), join(dir, "copy-2"), { recursive: true });
    const r = gate(await readGateJournals([dir], NOW), { statistic: "p95" });
    expect(r).toMatchObject({ status: "could-not-judge" });
    expect(r.groups[0]!.counted).toHaveLength(3);
    expect(r.groups[0]!.reasons.join("\n")).toMatch(/missing runs: 3 of 5 expected finished/);
    expect(r.ignored).toHaveLength(6);
    expect(r.ignored.every((i) => i.kind === "duplicate" && /same drill id/.test(i.reason))).toBe(true);
  });

  it("duplicate tree: a renamed copy with another drill id but the same bytes is a duplicate by SHA-256", async () => {
    const { dir, files } = tree([{ measuredRtoMs: 5_000 }]);
    writeFileSync(join(dir, "renamed.jsonl"), readFileSync(files[0]!));
    const r = await readGateJournals([dir], NOW);
    expect(r.journals).toHaveLength(1);
    expect(r.ignored).toMatchObject([{ kind: "duplicate" }]);
  });

  it("two projects sharing stack and scenario names: each is judged against its own objective", async () => {
    const { dir } = tree([
      { project: "shop", objectives: { rto: 1_000 }, measuredRtoMs: 2_040 },
      { project: "billing", objectives: { rto: 30_000 }, measuredRtoMs: 5_000 },
    ]);
    const r = gate(await readGateJournals([dir], NOW), { statistic: "max" });
    expect(r.groups.map((g) => [g.project, g.status])).toEqual([["billing", "passed"], ["shop", "failed"]]);
    expect(r.groups[1]!.reasons.join("\n")).toMatch(/RTO: max 2\.04 s EXCEEDS the objective 1\.00 s over 1 run/);
    expect(exitCode(r)).toBe(1);
  });

  it("future-dated journal: a drill stamped an hour ahead is excluded with its reason, so it cannot hide the real latest miss", async () => {
    const { dir } = tree([
      { measuredRtoMs: 45_000, startedAt: "2025-03-19T10:00:00.000Z" },
      { measuredRtoMs: 1_000, startedAt: "2025-03-20T01:00:00.000Z" },
    ]);
    const r = gate(await readGateJournals([dir], NOW), { statistic: "max" });
    expect(r.ignored).toMatchObject([{ kind: "future", reason: expect.stringMatching(/stamped 2025-03-20T01:00:00\.000Z, more than 5 min after now/) }]);
    expect(r).toMatchObject({ status: "failed" });
  });

  it("torn-then-recovered journal: reads as interrupted, its scenario could-not-judge, the rest of the tree judged", async () => {
    const { dir, files } = tree([{ summary: false, scenario: "killed" }, { scenario: "healthy", measuredRtoMs: 4_000 }]);
    appendFileSync(files[0]!, '{"type":"sample","probe":"p","seq":41,"t":12'); // killed mid-write
    expect(markInterrupted(files[0]!, "the runner was killed")).toBe(true);
    const text = readFileSync(files[0]!, "utf8");
    expect(text).not.toContain('"seq":41');
    const r = gate(await readGateJournals([dir], NOW), { statistic: "p95" });
    expect(r.ignored).toEqual([]);
    const by = Object.fromEntries(r.groups.map((g) => [g.scenario, g]));
    expect(by.killed).toMatchObject({ status: "could-not-judge", incomplete: [{ outcome: "interrupted" }] });
    expect(by.healthy).toMatchObject({ status: "passed" });
    const report = await loadReportDrills([dir], NOW);
    expect(report.journals.map((d) => d.outcome).sort()).toEqual(["interrupted", "passed"]);
  });

  it("one unreadable journal makes its own scenario could-not-judge, never the whole tree, never a silent pass", async () => {
    const { dir, files } = tree([{ scenario: "damaged", measuredRtoMs: 1_000 }, { scenario: "healthy", measuredRtoMs: 4_000 }]);
    const lines = readFileSync(files[0]!, "utf8").split("\n");
    lines.splice(1, 0, "{ not json");
    writeFileSync(files[0]!, lines.join("\n"));
    const r = gate(await readGateJournals([dir], NOW), { statistic: "p95" });
    const by = Object.fromEntries(r.groups.map((g) => [g.scenario, g]));
    expect(by.damaged!.status).toBe("could-not-judge");
    expect(by.damaged!.reasons.join("\n")).toMatch(/unreadable journal, could not judge it: .*\.jsonl:2: not a JSON record/);
    expect(by.healthy!.status).toBe("passed");
    expect(exitCode(r)).toBe(3);
  });
});
