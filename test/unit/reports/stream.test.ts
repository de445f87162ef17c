import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JournalRecord, type JournalRecordT } from "../../../journal/format.ts";
import { fastSample, fastWrite } from "../../../journal/fast-records.ts";
import { readJournal } from "../../../journal/read.ts";
import { streamJournal } from "../../../journal/stream.ts";
import { allJournals, fixture, tmp } from "./fixtures.ts";

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(undefined), fc.constant(null));

describe("fast path for samples and writes", () => {
  it("accepts only what the journal schema accepts", () => {
    const sampleLike = fc.record({ type: fc.constantFrom("sample", "write", "note"), probe: anyValue, ledger: anyValue, seq: anyValue, t: anyValue, intendedT: anyValue, ok: anyValue, latencyMs: anyValue, ackAt: anyValue, error: anyValue, detail: anyValue, errorClass: anyValue, failedAt: anyValue }, { requiredKeys: ["type"] });
    fc.assert(
      fc.property(sampleLike, (v) => {
        const fast = fastSample(v as Record<string, unknown>) ?? fastWrite(v as Record<string, unknown>);
        if (fast) expect(JournalRecord.safeParse(v).success).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  // Valid samples and writes with one field mutated (to a value of another type, removed,
  // or an extra key added): for each, the fast path and the schema must agree on acceptance,
  // and where both accept, on every field the schema keeps.
  it("agrees with the schema on mutated records, both ways", () => {
    const sample = { type: "sample", probe: "p", seq: 3, t: 10.5, intendedT: 9, ok: false, latencyMs: 2.5, error: "timeout", detail: "d" };
    const write = { type: "write", ledger: "l", seq: 4, t: 11, ackAt: 12.5, error: "e", errorClass: "timeout", failedAt: 12 };
    const mutant = fc.tuple(fc.constantFrom<Record<string, unknown>>(sample, write), fc.nat(), fc.oneof(anyValue, fc.constant(Infinity), fc.constant(Number.NaN), fc.constant(-0), fc.constant(2 ** 60), fc.constant("DELETE")), fc.boolean());
    fc.assert(
      fc.property(mutant, ([base, i, value, extra]) => {
        const keys = Object.keys(base);
        const v: Record<string, unknown> = { ...base };
        const key = keys[i % keys.length]!;
        if (value === "DELETE") delete v[key];
        else v[key] = value;
        if (extra) v.unknownField = 1;
        const fast = fastSample(v) ?? fastWrite(v);
        const schema = JournalRecord.safeParse(v);
        expect(fast !== undefined, JSON.stringify(v)).toBe(schema.success);
        if (fast && schema.success) for (const [k, x] of Object.entries(schema.data)) expect((fast as Record<string, unknown>)[k]).toEqual(x);
      }),
      { numRuns: 10_000 },
    );
  });

  it("takes the records real journals are made of", () => {
    expect(fastSample({ type: "sample", probe: "p", seq: 1, t: 1.5, ok: false, latencyMs: 1_000, error: "timeout" })).toBeDefined();
    expect(fastWrite({ type: "write", ledger: "l", seq: 2, t: 3, ackAt: 5.5 })).toBeDefined();
    expect(fastSample({ type: "sample", probe: "p", seq: 1.5, t: 1, ok: true, latencyMs: 1 })).toBeUndefined();
    // The fields the fast path once skipped: the schema refuses these, so must it.
    expect(fastWrite({ type: "write", ledger: "l", seq: 2, t: 3, errorClass: 5 })).toBeUndefined();
    expect(fastWrite({ type: "write", ledger: "l", seq: 2, t: 3, failedAt: "soon" })).toBeUndefined();
  });

  it("a sample the schema rejects (intendedT: \"bad\") is rejected by every reader, named by line", async () => {
    expect(fastSample({ type: "sample", probe: "p", seq: 1, t: 1, intendedT: "bad", ok: true, latencyMs: 1 })).toBeUndefined();
    const file = join(tmp(), "intended-bad.jsonl");
    const lines = readFileSync(fixture("missed-rto"), "utf8").split("\n");
    lines[4] = '{"type":"sample","probe":"p","seq":1,"t":1,"intendedT":"bad","ok":true,"latencyMs":1}';
    writeFileSync(file, lines.join("\n"));
    await expect(streamJournal(file, () => {})).rejects.toThrow(`${file}:5: intendedT: `);
    expect(() => readJournal(file)).toThrow(`${file}:5: intendedT: `);
  });
});

describe("streamJournal", () => {
  it.each(allJournals())("%s: the same records as readJournal and the file's SHA-256", async (file) => {
    const records: JournalRecordT[] = [];
    const meta = await streamJournal(file, (r) => records.push(r));
    expect(records).toEqual(readJournal(file).records);
    const bytes = readFileSync(file);
    expect(meta).toEqual({ sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
  });

  it("drops a torn last line, as readJournal does", async () => {
    const file = join(tmp(), "torn.jsonl");
    const text = readFileSync(fixture("interrupted-no-summary"), "utf8");
    writeFileSync(file, `${text}{"type":"sample","pro`);
    const records: JournalRecordT[] = [];
    const meta = await streamJournal(file, (r) => records.push(r));
    const read = readJournal(file);
    expect(records).toEqual(read.records);
    // Dropped, and said so: the line number of the torn line.
    const torn = text.split("\n").length;
    expect(meta.tornLine).toBe(torn);
    expect(read.tornLine).toBe(torn);
  });

  it("a journal of format version 2 without its identity is rejected; version 1 without one reads", async () => {
    const file = join(tmp(), "v2-no-identity.jsonl");
    const lines = readFileSync(fixture("missed-rto"), "utf8").split("\n");
    lines[0] = lines[0]!.replace('"version":1', '"version":2');
    writeFileSync(file, lines.join("\n"));
    expect(() => readJournal(file)).toThrow(`${file}:1: identity: required from journal version 2`);
    expect(readJournal(fixture("missed-rto")).started.identity).toBeUndefined();
  });

  it("names the line of a bad sample with the schema's words", async () => {
    const file = join(tmp(), "bad.jsonl");
    const lines = readFileSync(fixture("missed-rto"), "utf8").split("\n");
    lines[4] = '{"type":"sample","probe":"p","seq":1,"t":"soon","ok":true,"latencyMs":1}';
    writeFileSync(file, lines.join("\n"));
    await expect(streamJournal(file, () => {})).rejects.toThrow(`${file}:5: t: `);
    expect(() => readJournal(file)).toThrow(`${file}:5: t: `);
  });
});
