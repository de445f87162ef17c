import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JournalInputError, readJournal } from "../../../journal/read.ts";
import { markers } from "../../../reports/model/drill-model.ts";
import { drillFromJournal, loadDrill } from "../../../reports/model/load.ts";
import { syntheticJournalText, writeSyntheticJournal } from "../../support/synthetic-journal.ts";
import { allJournals, fixture, tmp } from "./fixtures.ts";

describe("a journal as a drill model", () => {
  it("takes t0, the fault window and the recovery from the journal", async () => {
    const d = await loadDrill(fixture("passed-orders-db-node-loss"));
    expect(d.outcome).toBe("passed");
    expect(d.t0).toBe(12_000);
    expect(d.faultWindows).toEqual([{ fault: 0, kind: "kill", from: 12_000, to: 21_200, healFailed: false }]);
    expect(markers(d)).toMatchObject({ t0: 12_000, firstDisrupted: 12_400, recovered: 19_400, rtoDeadline: 42_000 });
    expect(d.counts.samples).toBe(d.summary!.probes.reduce((n, p) => n + p.samples, 0));
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("places lost writes, and those acknowledged after the fault apart", async () => {
    const d = await loadDrill(fixture("lost-after-fault"));
    const sum = (k: "lost" | "lostAfterFault") => d.ledgers[0]!.buckets.reduce((n, b) => n + b.value[k], 0);
    expect(sum("lost")).toBe(2);
    expect(sum("lostAfterFault")).toBe(3);
    const after = d.ledgers[0]!.buckets.filter((b) => b.value.lostAfterFault > 0);
    expect(after.every((b) => b.start >= d.t0!)).toBe(true);
  });

  it("a journal without a summary is interrupted, and says why", async () => {
    const d = await loadDrill(fixture("interrupted-no-summary"));
    expect(d.summary).toBeUndefined();
    expect(d.outcome).toBe("interrupted");
    expect(d.reason).toMatch(/without a summary/);
  });

  it("streaming and in-memory reading give the same model", async () => {
    const file = fixture("missed-rto");
    const a = await loadDrill(file);
    const b = await drillFromJournal(readJournal(file));
    expect(b).toEqual(a);
  });

  it.each(allJournals())("%s loads", async (file) => {
    const d = await loadDrill(file);
    expect(d.started.type).toBe("drill-started");
    expect(d.probes.every((p) => p.buckets.length <= 800)).toBe(true);
  });

  it("adds a close view around the fault for a long drill", async () => {
    const file = join(tmp(), "long.jsonl");
    await writeSyntheticJournal(file, { baselineMs: 600_000, afterMs: 600_000, probes: [{ name: "p", rateHz: 10 }], ledger: { name: "l", rateHz: 5 } });
    const d = await loadDrill(file);
    expect(d.focus).toBeDefined();
    expect(d.focus!.domain[0]).toBeLessThan(d.t0!);
    expect(d.focus!.domain[1]).toBeGreaterThan(markers(d).recovered!);
    expect(d.focus!.probes[0]!.bucketMs).toBeLessThan(d.probes[0]!.bucketMs);
  });

  it("names the file and line of a bad record (exit code 2)", async () => {
    const dir = tmp();
    const lines = syntheticJournalText({ afterMs: 1_000 }).split("\n");
    lines[3] = '{"type":"sample","probe":"p"}';
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, lines.join("\n"));
    const error = await loadDrill(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalInputError);
    expect((error as JournalInputError).message).toMatch(new RegExp(`${bad}:4: `));
    expect((error as JournalInputError).kind).toBe("input");
  });

  it("rejects a journal that does not start with drill-started", async () => {
    const file = join(tmp(), "headless.jsonl");
    writeFileSync(file, syntheticJournalText({ afterMs: 1_000 }).split("\n").slice(1).join("\n"));
    await expect(loadDrill(file)).rejects.toThrow(`${file}:1: a journal starts with a drill-started record`);
  });
});
