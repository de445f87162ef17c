import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILE_NAME, writeReports } from "../../../reports/index.ts";
import { writeFileAtomic } from "../../../core/atomic-write.ts";
import { FIXTURES, syntheticJournalText } from "../../support/synthetic-journal.ts";
import { fixture, JOURNALS, tmp } from "./fixtures.ts";

describe("writeReports", () => {
  it("writes all four formats by default and returns their paths", async () => {
    const out = join(tmp(), "nested", "out");
    const written = await writeReports([fixture("passed-orders-db-node-loss")], out);
    expect(written).toEqual(Object.values(FILE_NAME).map((f) => join(out, f)));
    expect(readdirSync(out).sort()).toEqual(Object.values(FILE_NAME).sort());
    expect(readFileSync(written[0]!, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("replaces a report atomically and leaves no temporary file behind", () => {
    const dir = tmp();
    const file = join(dir, "report.md");
    writeFileSync(file, "old");
    writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["report.md"]);
  });

  it("a failed write keeps the previous report and names the file", () => {
    if (process.getuid?.() === 0) return; // root ignores directory permissions
    const dir = tmp();
    const file = join(dir, "report.md");
    writeFileSync(file, "old");
    chmodSync(dir, 0o500);
    try {
      expect(() => writeFileAtomic(file, "new")).toThrow(`cannot write report ${file}`);
      expect(readFileSync(file, "utf8")).toBe("old");
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it("an empty directory of journals is bad input", async () => {
    await expect(writeReports([tmp()], tmp())).rejects.toMatchObject({ kind: "input" });
  });
});

describe("committed journal fixtures", () => {
  it.each(Object.keys(FIXTURES))("%s.jsonl matches its generator (npx tsx test/support/synthetic-journal.ts --write)", (name) => {
    expect(readFileSync(join(JOURNALS, `${name}.jsonl`), "utf8")).toBe(syntheticJournalText(FIXTURES[name]));
  });
});
