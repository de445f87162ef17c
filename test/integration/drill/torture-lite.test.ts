// The short version of `npm run torture`: four drills interrupted at random
// moments (two SIGINT, two SIGKILL + drill recover); nothing may be left behind.
import { describe, expect, it } from "vitest";
import { torture } from "../../../bench/torture/torture.ts";

describe("interrupt torture (short)", () => {
  it("leaves no stopped process, rule, proxy fault or unmarked journal, and heals within 2 s of SIGINT", async () => {
    const r = await torture(4, (m) => process.stderr.write(`[torture] ${m}\n`));
    expect(r.leftovers).toEqual([]);
    expect(r.journalsUnreadable).toBe(0);
    expect(r.maxHealAfterSigintMs).toBeLessThanOrEqual(2_000);
  });
});
