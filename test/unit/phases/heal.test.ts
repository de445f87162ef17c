// Heal, restore and watch-after with faked faults and stack: heal is issued
// first and its failure reported, restore polls the live redundancy on the
// drill's clock and times full redundancy, watch-after is bounded.
import { describe, expect, it } from "vitest";
import { heal, restore, watchAfter } from "../../../runners/drill/phases/heal.ts";
import { fakeDrill } from "./fake-drill.ts";

describe("heal phase", () => {
  it("heals every fault, arms the heal disruption when measuring, and says when heal began", async () => {
    const f = fakeDrill();
    f.clock.set(12_000);
    expect(await heal(f.c, true)).toEqual({ healed: true, healStartedAt: 12_000 });
    expect(f.faultCalls).toEqual(["healAll"]);
    expect(f.workload.calls).toEqual(["armHeal@12000"]);
    expect(f.phases).toEqual(["heal started", "heal ended"]);
  });

  it("a heal that fails is reported as failed, the fault left for drill recover; not measuring arms nothing", async () => {
    const f = fakeDrill();
    f.healAll = { healed: false, detail: "net.partition (d1-f0): iptables failed" };
    const r = await heal(f.c, false);
    expect(r).toMatchObject({ healed: false, detail: "net.partition (d1-f0): iptables failed" });
    expect(f.workload.calls).toEqual([]);
    expect(f.phases.at(-1)).toBe("heal failed: could not heal: net.partition (d1-f0): iptables failed; the fault is left for `drill recover`");
  });
});

describe("restore phase", () => {
  it("runs the stack's restore, polls until full redundancy and times it from heal's start", async () => {
    const f = fakeDrill({ restore: true, redundancy: [{ full: false, detail: "pg-a rejoining" }, { full: false, detail: "pg-a catching up" }, { full: true, detail: "2/2 replicating" }] });
    f.clock.set(10_000);
    const r = await restore(f.c, 9_000);
    // restore takes 3 s (fake), then two polls 250 ms apart
    expect(r).toEqual({ full: true, timeToFullRedundancyMs: 4_500, detail: "env heal: 2 nodes restarted; 2/2 replicating" });
    expect(f.phases).toEqual(["restore started", "restore ended: env heal: 2 nodes restarted; 2/2 replicating"]);
  });

  it("fails when full redundancy is not back within the observe bound", async () => {
    const f = fakeDrill({ redundancy: [{ full: false, detail: "pg-b down" }], windows: { observeTimeout: 2_000 } });
    const r = await restore(f.c, 0);
    expect(r).toEqual({ full: false, detail: "pg-b down" });
    expect(f.clock.now()).toBeGreaterThanOrEqual(2_000);
    expect(f.phases.at(-1)).toBe("restore failed: pg-b down");
  });

  it("is skipped when the scenario says so, the stack has nothing to restore, or a second Ctrl-C came", async () => {
    expect(await restore(fakeDrill({ restore: true, restoreRedundancy: false }).c, 0)).toEqual({});
    const nothing = fakeDrill();
    expect(await restore(nothing.c, 0)).toEqual({});
    expect(nothing.phases).toEqual(["restore skipped: the stack has nothing to restore"]);
    const hard = fakeDrill({ restore: true });
    hard.hardAbort.abort();
    expect(await restore(hard.c, 0)).toEqual({});
    expect(hard.restoreCalls).toBe(0);
  });

  it("a restore that throws is a failed phase with the reason, not an exception", async () => {
    const f = fakeDrill({ restore: true });
    f.c.o.stack.restore = async () => {
      throw new Error("pg_autoctl: node pg-a did not start");
    };
    expect(await restore(f.c, 0)).toEqual({ full: false, detail: "pg_autoctl: node pg-a did not start" });
    expect(f.phases.at(-1)).toBe("restore failed: pg_autoctl: node pg-a did not start");
  });
});

describe("watch after heal", () => {
  it("watches `after`, then until a disruption after heal is over", async () => {
    const f = fakeDrill();
    f.workload.healSettledFrom = 5_000;
    await watchAfter(f.c);
    expect(f.clock.now()).toBe(5_000);
  });

  it("is bounded by the observe timeout, and does nothing after Ctrl-C", async () => {
    const f = fakeDrill({ windows: { after: 1_000, observeTimeout: 4_000 } });
    f.workload.healSettledFrom = Infinity;
    await watchAfter(f.c);
    expect(f.clock.now()).toBe(5_000);
    const g = fakeDrill();
    g.abort.abort();
    await watchAfter(g.c);
    expect(g.clock.now()).toBe(0);
  });
});
