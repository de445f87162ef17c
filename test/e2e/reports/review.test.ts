// `drill review` and `drill action add|done` through the real CLI edge: a
// record beside the journal bound to its SHA-256, shown by every report and by
// readiness; bad input exits 2 naming the file and the field; a journal changed
// after its review is refused, never silently re-bound.
import { copyFileSync, appendFileSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { defineCommand } from "citty";
import { describe, expect, it } from "vitest";
import { actionCommand } from "../../../runners/cli/commands/action.ts";
import { reportCommand } from "../../../runners/cli/commands/report.ts";
import { reviewCommand } from "../../../runners/cli/commands/review.ts";
import { followupFile, Followup } from "../../../journal/followup.ts";
import { hashFile } from "../../../journal/hash.ts";
import { readJournal } from "../../../journal/read.ts";
import { readiness } from "../../../reports/readiness/readiness.ts";
import { readFollowups } from "../../../reports/readiness/followups.ts";
import { renderReadinessHtml } from "../../../reports/readiness/html.ts";
import { renderReadinessMarkdown } from "../../../reports/readiness/markdown.ts";
import { fixture, syntheticJournals, tmp } from "../../unit/reports/fixtures.ts";
import { syntheticJournalText } from "../../support/synthetic-journal.ts";
import { LOCAL_PLAN } from "../../unit/reports/plan.ts";
import { cliInProcess } from "../../support/run-cli-in-process.ts";

const root = defineCommand({ meta: { name: "drill" }, subCommands: { review: reviewCommand, action: actionCommand, report: reportCommand } });

const drill = (...argv: string[]) => cliInProcess(argv, root);

/** An evidence folder holding a copy of the failed fixture drill. */
function evidence(): { dir: string; journal: string } {
  const dir = tmp("review-");
  mkdirSync(join(dir, "journals"), { recursive: true });
  const journal = join(dir, "journals", "missed-rto.jsonl");
  copyFileSync(fixture("missed-rto"), journal);
  return { dir, journal };
}

describe("drill review and drill action", () => {
  it("a review with an action, shown in HTML, Markdown and JSON; closing the action by its id", async () => {
    const { dir, journal } = evidence();
    const r = await drill("review", journal, "--by", "carol", "--decision", "needs-action", "--note", "RTO missed: sentinel quorum too slow", "--action", "Lower down-after-milliseconds", "--owner", "dave", "--due", "2025-04-01");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const f = Followup.parse(JSON.parse(readFileSync(followupFile(journal), "utf8")));
    const { sha256 } = await hashFile(journal);
    expect(f.journal).toEqual({ file: "missed-rto.jsonl", drillId: readJournal(journal).started.drillId, sha256 });
    const id = `A-${sha256.slice(0, 8)}-1`;
    expect(f.actions).toMatchObject([{ id, what: "Lower down-after-milliseconds", owner: "dave", due: "2025-04-01", openedBy: "carol" }]);
    expect(r.stdout).toContain(id);

    const out = join(dir, "out");
    expect((await drill("report", journal, "--out", out)).code).toBe(0);
    const page = readFileSync(join(out, "report.html"), "utf8");
    expect(page).toMatch(/<span class="st st-inconclusive">needs-action<\/span><\/td><td>RTO missed: sentinel quorum too slow/);
    expect(page).toContain(`<code>${id}</code>`);
    expect(page).toContain('<span class="st st-inconclusive">open</span>');
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("**Review:** needs-action by carol");
    expect(md).toContain(`☐ \`${id}\` Lower down-after-milliseconds — dave, due 2025-04-01 (open)`);
    const json = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { drills: { followup?: { actions: { id: string }[] } }[] };
    expect(json.drills[0]!.followup?.actions[0]?.id).toBe(id);

    const done = await drill("action", "done", id, "--by", "dave", "--note", "set to 2000 ms", "--evidence", dir);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(Followup.parse(JSON.parse(readFileSync(followupFile(journal), "utf8"))).actions[0]!.closed).toMatchObject({ by: "dave", note: "set to 2000 ms" });
    expect((await drill("report", journal, "--out", out)).code).toBe(0);
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain(`☑ \`${id}\` Lower down-after-milliseconds — dave, due 2025-04-01, closed by dave`);
    const again = await drill("action", "done", id, "--evidence", dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already closed by dave");
  });

  it("a drill given by its id is found under --evidence", async () => {
    const { dir, journal } = evidence();
    const id = readJournal(journal).started.drillId;
    const named = join(dir, "journals", `${id}.jsonl`);
    copyFileSync(journal, named);
    const r = await drill("review", id, "--evidence", dir, "--by", "carol", "--decision", "accepted", "--note", "fine");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(Followup.parse(JSON.parse(readFileSync(followupFile(named), "utf8"))).reviews[0]).toMatchObject({ by: "carol", decision: "accepted" });
    const missing = await drill("review", "no-such-drill", "--evidence", dir, "--decision", "accepted");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`journal: no drill or run no-such-drill in ${dir}`);
  });

  it("a run id reviews every drill of that run; its action goes once, to the drill that failed", async () => {
    const dir = tmp("review-run-");
    mkdirSync(join(dir, "journals"), { recursive: true });
    const RUN = "20261201T030000Z-abcd1234";
    const ofRun = (name: string, runId: string, o: Parameters<typeof syntheticJournalText>[0]) => {
      const [first, ...rest] = syntheticJournalText({ drillId: name, ...o }).split("\n");
      const started = { ...JSON.parse(first!), version: 2, identity: { runId, planDigest: "a".repeat(64), serviceDigest: "b".repeat(64), serviceParts: { objectives: "c".repeat(64), failoverTargets: "c".repeat(64), dependsOn: "c".repeat(64), runbook: "c".repeat(64), hazards: "c".repeat(64) }, scenarioDigest: "d".repeat(64) } };
      const file = join(dir, "journals", `${name}.jsonl`);
      writeFileSync(file, [JSON.stringify(started), ...rest].join("\n"));
      return file;
    };
    const passed = ofRun("d1-passed", RUN, { outage: { startMs: 100, lengthMs: 1_000 } });
    const failed = ofRun("d2-failed", RUN, { service: "sessions-cache", objectives: { rto: 500 }, outage: { startMs: 100, lengthMs: 3_000 } });
    const other = ofRun("d3-other-run", "20261201T040000Z-ffff0000", {});
    expect(readJournal(failed).summary?.outcome).toBe("failed");
    expect(readJournal(passed).summary?.outcome).toBe("passed");
    const r = await drill("review", RUN, "--evidence", dir, "--by", "carol", "--decision", "needs-action", "--note", "cache too slow", "--action", "tune down-after", "--owner", "dave", "--due", "2027-01-15");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const onPassed = Followup.parse(JSON.parse(readFileSync(followupFile(passed), "utf8")));
    const onFailed = Followup.parse(JSON.parse(readFileSync(followupFile(failed), "utf8")));
    expect(onPassed.reviews).toMatchObject([{ by: "carol", decision: "needs-action", note: "cache too slow" }]);
    expect(onFailed.reviews).toMatchObject([{ by: "carol", decision: "needs-action" }]);
    expect(onPassed.actions).toEqual([]);
    expect(onFailed.actions).toMatchObject([{ what: "tune down-after", owner: "dave", due: "2027-01-15" }]);
    expect(() => readFileSync(followupFile(other))).toThrow();
    // drill action needs one drill: a run id with several is refused, naming them.
    const action = await drill("action", "add", RUN, "--what", "x", "--owner", "y", "--due", "2027-01-01", "--evidence", dir);
    expect(action.code).toBe(2);
    expect(action.stderr).toContain(`run ${RUN} has 2 drills`);
  });

  it("bad flags exit 2 naming the flag", async () => {
    const { journal } = evidence();
    const bad = async (...a: string[]) => {
      const r = await drill(...a);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      return r.stderr;
    };
    expect(await bad("review", journal, "--decision", "fine")).toContain('--decision: "fine" is not one of accepted, rejected, needs-action');
    expect(await bad("review", journal, "--decision", "needs-action", "--action", "x", "--owner", "o", "--due", "2025-02-30")).toContain('--due (action 1): "2025-02-30" is not a date');
    expect(await bad("review", journal, "--decision", "needs-action")).toContain("--decision needs-action: name the action");
    expect(await bad("review", journal, "--decision", "accepted", "--action", "x")).toContain("1 action(s) but 0 --owner");
    const notJournal = join(tmp("review-"), "notes.jsonl");
    writeFileSync(notJournal, '{"type":"note","t":0,"level":"info","message":"x"}\n');
    expect(await bad("action", "add", notJournal, "--what", "x", "--owner", "o", "--due", "2025-01-01")).toContain(`${notJournal}: line 1: drillId: not a journal`);
    expect(await bad("action", "add", "/nonexistent/x.jsonl", "--what", "x", "--owner", "o", "--due", "2025-01-01")).toContain("journal: no such file /nonexistent/x.jsonl");
    expect(await bad("action", "done", "A-zz")).toContain('action id: "A-zz" is not an action id');
  });

  it("a follow-up bound to another journal, or with a bad field, is bad input naming the file and field", async () => {
    const { journal } = evidence();
    expect((await drill("action", "add", journal, "--what", "rehearse failback", "--owner", "erin", "--due", "2025-05-01")).code).toBe(0);
    const file = followupFile(journal);
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace('"owner": "erin"', '"owner": ""'));
    let r = await drill("report", journal, "--out", tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: actions.0.owner`);
    writeFileSync(file, good);
    appendFileSync(journal, `${JSON.stringify({ type: "note", t: 1, level: "info", message: "edited after review" })}\n`);
    r = await drill("report", journal, "--out", tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: journal.sha256`);
    expect(r.stderr).toContain("changed after its review");
  });

  it("readiness: an unreviewed failed drill (R11), an open action and an overdue one (R12), open actions on the cell", async () => {
    const { journal } = evidence();
    const others = syntheticJournals().filter((f) => !f.endsWith("missed-rto.jsonl")).map((f) => readJournal(f));
    const journals = [...others, readJournal(journal)];
    const now = new Date("2025-03-20T00:00:00Z");
    const before = readiness(LOCAL_PLAN, journals, now, await readFollowups(journals));
    const unreviewed = (r: typeof before) => r.gaps.filter((g) => g.rule === "R11").map((g) => g.message);
    expect(unreviewed(before)).toEqual([
      expect.stringMatching(/^orders-db \/ network-partition: drill .* ended failed \(2025-02-20\) and has no review$/),
      expect.stringMatching(/^sessions-cache \/ process-hang: drill .* ended failed \(2025-03-10\) and has no review$/),
    ]);
    expect((await drill("review", journal, "--by", "carol", "--decision", "needs-action", "--action", "tune sentinel", "--owner", "dave", "--due", "2025-03-15", "--action", "rerun", "--owner", "erin", "--due", "2025-04-15")).code).toBe(0);
    const after = readiness(LOCAL_PLAN, journals, now, await readFollowups(journals));
    expect(unreviewed(after)).toEqual([expect.stringMatching(/^orders-db \/ network-partition/)]);
    const r12 = after.gaps.filter((g) => g.rule === "R12").map((g) => `${g.severity} ${g.message}`);
    expect(r12).toEqual([expect.stringMatching(/^error .*overdue: tune sentinel — dave, due 2025-03-15$/), expect.stringMatching(/^info .*open: rerun — erin, due 2025-04-15$/)]);
    expect(after.services.find((s) => s.name === "sessions-cache")!.cells.find((c) => c.hazard === "process-hang")!.openActions).toBe(2);
    const html = renderReadinessHtml(after, "test");
    expect(html).toContain("<b>needs-action</b> by carol");
    expect(html).toContain('2 open actions</span>');
    expect(html).toMatch(/tune sentinel — dave, due 2025-03-15 <span class="st st-missed">overdue<\/span>/);
    expect(renderReadinessMarkdown(after, "test")).toContain("tune sentinel — dave, due 2025-03-15 (overdue)");

    // The journal changes after its review: readiness names that drill (R13, error; unreviewed again, R11)
    // and its actions no longer count — the rest of the evidence is judged as before, nothing exits 2.
    appendFileSync(journal, `${JSON.stringify({ type: "note", t: 1, level: "info", message: "edited after review" })}\n`);
    const edited = [...others, readJournal(journal)];
    const changed = readiness(LOCAL_PLAN, edited, now, await readFollowups(edited));
    const r13 = changed.gaps.filter((g) => g.rule === "R13");
    expect(r13.map((g) => `${g.severity} ${g.service} ${g.hazard}`)).toEqual(["error sessions-cache process-hang"]);
    expect(r13[0]!.message).toMatch(/the review of drill .* no longer counts: .*journal\.sha256: .*changed after its review/);
    expect(unreviewed(changed)).toHaveLength(2);
    expect(changed.gaps.filter((g) => g.rule === "R12")).toEqual([]);
    expect(renderReadinessMarkdown(changed, "test")).toContain("review no longer matches the journal");
    // A follow-up whose binding field itself is malformed is still bad input, not a finding.
    const file = followupFile(journal);
    writeFileSync(file, readFileSync(file, "utf8").replace(/"sha256": "[0-9a-f]+"/, '"sha256": "not-a-digest"'));
    await expect(readFollowups(edited)).rejects.toThrow(`${file}: journal.sha256`);
  });
});
