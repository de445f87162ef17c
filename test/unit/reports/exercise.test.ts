// The exercise record in every format: scope, people and deviations, the same
// in HTML, Markdown and JSON. Journals from before the record still render,
// with the host user said to be inferred rather than recorded.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Result } from "../../../reports/json/result-schema.ts";
import { renderJson } from "../../../reports/json/render.ts";
import { renderHtml } from "../../../reports/html/report.ts";
import { renderMarkdown } from "../../../reports/markdown/drills.ts";
import { loadDrill } from "../../../reports/model/load.ts";
import { deviations, exerciseView } from "../../../reports/model/exercise.ts";
import { fixture, tmp } from "./fixtures.ts";

/** A copy of a fixture with its first record and extra records changed: the defect under test. */
function variant(name: string, edit: (first: Record<string, unknown>) => void, extra: object[] = []): string {
  const lines = readFileSync(fixture(name), "utf8").trimEnd().split("\n");
  const first = JSON.parse(lines[0]!) as Record<string, unknown>;
  edit(first);
  const last = lines.pop()!;
  const out = join(tmp("exercise-"), `${name}.jsonl`);
  writeFileSync(out, [JSON.stringify(first), ...lines.slice(1), ...extra.map((e) => JSON.stringify(e)), last].join("\n") + "\n");
  return out;
}

const record = {
  participants: [{ name: "alice", role: "dba" }, { name: "bob", role: "sre" }],
  scope: { service: "orders-db", hazard: "node-loss", purpose: "Prove orders survive losing the primary", objectives: ["rto", "rpo"], waived: { mtpd: "not judged by a single drill" }, procedure: ["Confirm the new primary (dba) [manual]"] },
};

describe("exercise record in reports", () => {
  it("a missed objective is a deviation, in every format alike", async () => {
    const d = await loadDrill(fixture("missed-rto"));
    const devs = deviations(d);
    expect(devs.map((v) => v.text)).toContain("RTO 14.50 s > 10.00 s");
    const x = exerciseView(d);
    expect(x.participantsRecorded).toBe(false);
    expect(x.participants).toEqual([{ name: d.started.host.user }]);
    const page = renderHtml([d], "test");
    expect(page).toContain("<h3>Exercise record</h3>");
    expect(page).toContain("RTO 14.50 s &gt; 10.00 s</li>");
    const md = renderMarkdown([d], { generator: "test" });
    expect(md).toContain(`**Deviations (${devs.length}):**`);
    expect(md).toContain("- RTO 14.50 s &gt; 10.00 s");
    const json = Result.parse(JSON.parse(renderJson([d], { name: "t", version: "0" })));
    expect(json.drills[0]!.exercise?.deviations).toEqual(devs);
  });

  it("a passed drill with a recorded exercise shows its people and scope, and no deviations", async () => {
    const d = await loadDrill(variant("passed-orders-db-node-loss", (f) => (f.exercise = record)));
    const x = exerciseView(d);
    expect(x.participantsRecorded).toBe(true);
    expect(x.deviations).toEqual([]);
    const page = renderHtml([d], "test");
    expect(page).toContain("alice (dba), bob (sre)");
    expect(page).toContain("Prove orders survive losing the primary");
    expect(page).toContain("MTPD (waived: not judged by a single drill)");
    expect(page).toContain("<b>Deviations</b> (0)");
    const md = renderMarkdown([d], { generator: "test" });
    expect(md).toContain("Took part: alice (dba), bob (sre).");
    expect(md).toContain("**Deviations:** none.");
    const json = Result.parse(JSON.parse(renderJson([d], { name: "t", version: "0" })));
    expect(json.drills[0]!.exercise?.participants).toEqual(record.participants);
  });

  it("an unconfirmed fault, a failed heal and a step over its target are deviations", async () => {
    const file = variant("passed-orders-db-node-loss", (f) => (f.exercise = record), [
      { type: "fault", t: 5000, fault: 0, kind: "process.kill", event: "unconfirmed", detail: "the node still answered" },
      { type: "fault", t: 9000, fault: 0, kind: "process.kill", event: "heal-failed", detail: "pg_autoctl did not start" },
    ]);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const summary = JSON.parse(lines.pop()!) as Record<string, unknown>;
    summary.steps = [{ step: "confirm-primary", outcome: "acknowledged", durationMs: 400_000, targetMs: 300_000, by: "alice" }, { step: "tell-the-desk", outcome: "timed-out" }];
    writeFileSync(file, [...lines, JSON.stringify(summary)].join("\n") + "\n");
    const texts = deviations(await loadDrill(file)).map((v) => `${v.kind}: ${v.text}`);
    expect(texts).toEqual(expect.arrayContaining([
      "fault: fault 0 (process.kill) not confirmed to have taken effect: the node still answered",
      "fault: fault 0 (process.kill) failed to heal: pg_autoctl did not start",
      "step: manual step confirm-primary took 6.7 min, over its target 5.0 min",
      "step: manual step tell-the-desk timed-out",
    ]));
  });
});
