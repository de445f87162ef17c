import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStat, readProc } from "../../../runners/env/procfs.ts";
import { matches } from "../../../runners/env/records.ts";

describe("parseStat", () => {
  it("reads state, ppid, pgid and start time after the last parenthesis", () => {
    const line = "4242 (pg_autoctl: node (active)) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 987654 1000 10";
    expect(parseStat(line)).toEqual({ state: "S", ppid: 1, pgid: 4242, startTime: 987654 });
  });

  it("survives any command name, even one holding ') '", () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 1e9 }), (comm, start) => {
      const line = `7 (${comm}) T 3 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${start} 0 0`;
      expect(parseStat(line)).toEqual({ state: "T", ppid: 3, pgid: 7, startTime: start });
    }));
  });

  it("rejects garbage", () => {
    expect(parseStat("no parenthesis here")).toBeUndefined();
  });
});

describe("matches (a PID is only ours if start time and cmdline marker both match)", () => {
  const self = readProc(process.pid)!;
  const marker = self.cmdline.split(" ")[0]!;

  it("accepts the live process it describes", () => {
    expect(matches({ startTime: self.startTime, marker }, self)).toBe(true);
  });

  it("refuses a reused PID: same PID, other start time", () => {
    expect(matches({ startTime: self.startTime + 1, marker }, self)).toBe(false);
  });

  it("refuses a process whose cmdline lacks the marker", () => {
    expect(matches({ startTime: self.startTime, marker: "/no/such/redis-a.conf" }, self)).toBe(false);
  });

  it("refuses a zombie and a missing process", () => {
    expect(matches({ startTime: self.startTime, marker }, { ...self, state: "Z" })).toBe(false);
    expect(matches({ startTime: self.startTime, marker }, undefined)).toBe(false);
  });
});
