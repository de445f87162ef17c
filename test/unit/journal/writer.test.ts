// The journal writer on a full disk, for real: /dev/full answers every write
// with ENOSPC. The failure must reach the caller (so the drill's bus ends the
// drill as error), never escape from the flush timer as an uncaught exception
// that would kill the runner with its faults still injected.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { JournalRecordT } from "../../../journal/format.ts";
import { JournalWriter } from "../../../journal/writer.ts";

const sample = (seq: number) => ({ type: "sample", probe: "p", seq, t: seq, ok: true, latencyMs: 1 }) as unknown as JournalRecordT;
const phase = { type: "phase", phase: "inject", event: "started", t: 1 } as unknown as JournalRecordT;

describe("JournalWriter", () => {
  it("a write the timer flushes onto a full disk is thrown by the next write, not from the timer", async () => {
    const uncaught = vi.fn();
    process.on("uncaughtException", uncaught);
    try {
      const w = new JournalWriter("/dev/full", 1 << 20, 5);
      w.write(sample(1)); // buffered: samples wait for the timer
      await vi.waitFor(() => expect(() => w.write(sample(2))).toThrow(/journal \/dev\/full: cannot write \(ENOSPC\)/), { timeout: 2_000, interval: 10 });
      expect(() => w.write(phase)).toThrow(expect.objectContaining({ kind: "environment", where: { file: "/dev/full" } }));
      expect(() => w.close()).toThrow(/ENOSPC/);
      expect(uncaught).not.toHaveBeenCalled();
    } finally {
      process.off("uncaughtException", uncaught);
    }
  });

  it("a record that must not be lost (not a sample) is flushed at once, and its failure thrown at once", () => {
    const w = new JournalWriter("/dev/full");
    expect(() => w.write(phase)).toThrow(expect.objectContaining({ kind: "environment" }));
    expect(() => w.close()).toThrow(/ENOSPC/);
  });

  it("on a disk with room, every record is on disk after close, one JSON line each", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cd-writer-")), "j.jsonl");
    const w = new JournalWriter(file);
    for (let i = 0; i < 3; i++) w.write(sample(i));
    w.write(phase);
    w.close();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(["sample", "sample", "sample", "phase"]);
    expect(w.records).toBe(4);
  });
});
