// Preflight with a faked workload and stack: nothing is injected unless every
// probe is steady within the bound and the system is at full redundancy
// (--allow-degraded overrides that, and says so).
import { describe, expect, it } from "vitest";
import { preflight } from "../../../runners/drill/phases/preflight.ts";
import { fakeDrill } from "./fake-drill.ts";

describe("preflight phase", () => {
  it("passes once the probes are steady, waiting on the drill's clock", async () => {
    const f = fakeDrill({ redundancy: [{ full: true, detail: "2/2 nodes replicating" }] });
    f.workload.steadyFrom = 1_500;
    expect(await preflight(f.c)).toBeUndefined();
    expect(f.clock.now()).toBe(1_500);
    expect(f.phases).toEqual(["preflight started", "preflight ended: full redundancy: 2/2 nodes replicating"]);
  });

  it("refuses when the probes never steady within steady + grace", async () => {
    const f = fakeDrill({ preflightGraceMs: 2_000 });
    f.workload.steadyFrom = Infinity;
    const reason = await preflight(f.c);
    expect(reason).toBe("no steady state: probes were not all healthy for 1000 ms within the preflight bound");
    expect(f.clock.now()).toBeGreaterThanOrEqual(3_000);
    expect(f.clock.now()).toBeLessThan(3_100);
    expect(f.phases.at(-1)).toBe(`preflight failed: ${reason}`);
  });

  it("refuses a degraded system, unless allowed, and then records it", async () => {
    const degraded = { full: false, detail: "pg-b is not replicating" };
    const refused = fakeDrill({ redundancy: [degraded] });
    expect(await preflight(refused.c)).toBe("the system is not at full redundancy: pg-b is not replicating");

    const allowed = fakeDrill({ redundancy: [degraded], allowDegraded: true });
    expect(await preflight(allowed.c)).toBeUndefined();
    expect(allowed.notes).toEqual(["warn: the system is not at full redundancy (pg-b is not replicating); drilling anyway, as --allow-degraded asked"]);
    expect(allowed.phases.at(-1)).toBe("preflight ended: degraded, allowed: pg-b is not replicating");
  });

  it("an interrupt while waiting ends it as interrupted, not as refused", async () => {
    const f = fakeDrill();
    f.workload.steadyFrom = Infinity;
    f.abort.abort();
    await expect(preflight(f.c)).rejects.toMatchObject({ kind: "interrupted" });
  });
});
