import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readStateFile, writeStateFile } from "../../../core/state-file.ts";

const Schema = z.object({ drillId: z.string(), runner: z.object({ pid: z.number().int() }) });
const dir = () => mkdtempSync(join(tmpdir(), "state-file-"));

describe("core/state-file", () => {
  it("writes atomically (parents made, no temporary left) and reads back what it wrote", () => {
    const file = join(dir(), "a", "b", "d1.json");
    writeStateFile(file, { drillId: "d1", runner: { pid: 7 } });
    expect(readStateFile(file, Schema)).toEqual({ drillId: "d1", runner: { pid: 7 } });
    expect(readdirSync(join(file, ".."))).toEqual(["d1.json"]);
  });

  it("is undefined for a file that does not exist", () => {
    expect(readStateFile(join(dir(), "missing.json"), Schema)).toBeUndefined();
  });

  it("refuses a record of the wrong shape by file and field instead of casting it", () => {
    const file = join(dir(), "wrong-pid-type.json");
    writeFileSync(file, JSON.stringify({ drillId: "d1", runner: { pid: "7" } }));
    expect(() => readStateFile(file, Schema)).toThrow(`${file}: runner.pid:`);
  });

  it("refuses a torn file (a killed writer of the old fixed-name scheme) as not JSON", () => {
    const file = join(dir(), "torn.json");
    writeFileSync(file, '{"drillId": "d1", "run');
    expect(() => readStateFile(file, Schema)).toThrow(/torn\.json: not JSON/);
  });
});
