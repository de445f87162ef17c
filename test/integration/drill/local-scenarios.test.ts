// Every local scenario end to end against the real stack: each yields a verdict
// and either a measured RTO > 0 or "no disruption" with the fault confirmed.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drill } from "../../support/cli.ts";

describe("local scenarios", () => {
  it("drill run --all measures every scenario and judges it", () => {
    const out = mkdtempSync(join(tmpdir(), "all-"));
    const r = drill(["run", "--all", "--out", out, "--json"], { timeoutMs: 900_000 });
    expect([0, 1], r.stderr.slice(-2000)).toContain(r.code);
    const { results, reports } = JSON.parse(r.stdout) as { results: { scenario: string; summary: { outcome: string; faultConfirmed: boolean; service: { rtoMs?: number; noDisruption: boolean }; verdicts: { objective: string; status: string }[] } }[]; reports: string[] };
    expect(results.map((x) => x.scenario).sort()).toEqual([
      "orders-db-node-loss", "orders-db-partition", "orders-db-switchover", "sessions-cache-hang", "sessions-cache-node-loss", "web-dependency-latency", "web-node-loss",
    ]);
    for (const { scenario, summary } of results) {
      expect(["passed", "failed"], `${scenario}: ${JSON.stringify(summary).slice(0, 400)}`).toContain(summary.outcome);
      expect(summary.faultConfirmed, scenario).toBe(true);
      if (!summary.service.noDisruption) expect(summary.service.rtoMs, scenario).toBeGreaterThan(0);
      expect(summary.verdicts.find((v) => v.objective === "rto")?.status, scenario).not.toBe("not-measured");
    }
    // The failovers really happened: the database and the cache were disrupted and came back.
    const rto = (s: string) => results.find((x) => x.scenario === s)!.summary.service.rtoMs;
    expect(rto("orders-db-node-loss")).toBeGreaterThan(1_000);
    // A switchover command that blocks until it is done: its outage lies inside the inject window and is measured.
    expect(rto("orders-db-switchover")).toBeGreaterThan(500);
    // The write path counts: the service's RTO is never shorter than its write path's.
    for (const { scenario, summary } of results) {
      const write = (summary.service as { paths?: { path: string; rtoMs?: number }[] }).paths?.find((p) => p.path === "write");
      if (write?.rtoMs !== undefined) expect(summary.service.rtoMs, scenario).toBeGreaterThanOrEqual(write.rtoMs);
    }
    expect(rto("sessions-cache-node-loss")).toBeGreaterThan(500);
    expect(reports.some((f) => f.endsWith("report.html"))).toBe(true);

    // The exercise record of the run, then its review with an action (issue 19's acceptance):
    // every report and the readiness page show scope, people, deviations, the review and the open action.
    const journals = (JSON.parse(r.stdout) as { results: { journal: string }[] }).results.map((x) => x.journal);
    const first = JSON.parse(readFileSync(journals[0]!, "utf8").split("\n")[0]!) as { identity: { runId: string }; exercise: { participants: { name: string }[]; scope: { service: string; hazard: string } } };
    expect(first.exercise.participants.length).toBeGreaterThan(0);
    const runId = first.identity.runId;
    const review = drill(["review", runId, "--evidence", out, "--by", "carol", "--decision", "needs-action", "--note", "reviewed in the weekly drill review", "--action", "re-check the sentinel timers", "--owner", "dave", "--due", "2099-01-15"]);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout.match(/needs-action by carol/g)?.length).toBe(journals.length);
    const rendered = mkdtempSync(join(tmpdir(), "reviewed-"));
    expect(drill(["report", ...journals, "--out", rendered, "--format", "html,md"]).code).toBe(0);
    const md = readFileSync(join(rendered, "report.md"), "utf8");
    for (const text of ["carol", "needs-action", "re-check the sentinel timers", "dave", "2099-01-15", first.exercise.scope.service, first.exercise.participants[0]!.name]) expect(md).toContain(text);
    const ready = drill(["readiness", "--evidence", out, "--json"]);
    const gaps = (JSON.parse(ready.stdout) as { gaps: { rule: string; message: string }[] }).gaps;
    expect(gaps.filter((g) => g.rule === "R12" && g.message.includes("re-check the sentinel timers"))).toHaveLength(1);
  });
});
