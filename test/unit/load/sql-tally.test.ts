// Every transaction of the SQL write load ends exactly once; a COMMIT after its
// timeout is a late commit, never an acknowledgement; the spec names bad fields.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SqlWriteTally } from "../../../runners/load/sql-tally.ts";
import { parseSqlWriteSpec } from "../../../runners/load/sql-write-spec.ts";

describe("SQL write tally", () => {
  it("a timed-out transaction that commits later is a late commit, not acknowledged; its error after a timeout is not a second ending", () => {
    const t = new SqlWriteTally();
    for (const s of [0, 1, 2, 3]) t.sent(s);
    t.committed(0);
    t.timedOut(1);
    t.committed(1); // landed after the client gave up
    t.timedOut(2);
    t.failed(2); // connection died later: still one ending
    t.failed(3);
    t.shed(4);
    expect(t.snapshot()).toEqual({ sent: 4, acknowledged: 1, failed: 1, timedOut: 2, shed: 1, lateCommits: 1 });
    expect(t.acknowledgedSeqs()).toEqual([0]);
    expect(t.open).toBe(0);
  });

  it("whatever order answers and timeouts come in, each sent transaction ends once", () => {
    const event = fc.record({ seq: fc.nat(20), what: fc.constantFrom("committed", "failed", "timedOut") as fc.Arbitrary<"committed" | "failed" | "timedOut"> });
    fc.assert(fc.property(fc.array(event, { maxLength: 80 }), (events) => {
      const t = new SqlWriteTally();
      for (let s = 0; s <= 20; s++) t.sent(s);
      for (const e of events) t[e.what](e.seq);
      const c = t.snapshot();
      const ended = new Set(events.map((e) => e.seq)).size;
      expect(c.acknowledged + c.failed + c.timedOut).toBe(ended);
      expect(t.open).toBe(21 - ended);
      expect(new Set(t.acknowledgedSeqs()).size).toBe(c.acknowledged);
    }));
  });

  it("rejects a bad spec naming the field", () => {
    expect(() => parseSqlWriteSpec({ url: "http://x", rateHz: 10 }, "scenario.load")).toThrow(/scenario\.load\.url: expected a postgres:\/\/ URL/);
    expect(() => parseSqlWriteSpec({ url: "postgres://h/db", rateHz: 10, ratehz: 1 }, "load")).toThrow(/ratehz/);
    expect(parseSqlWriteSpec({ url: "postgres://h/db", rateHz: 10 })).toMatchObject({ maxInFlight: 16, timeoutMs: 2_000, durationCapMs: 1_800_000 });
  });
});
