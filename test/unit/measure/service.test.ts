import { describe, expect, it } from "vitest";
import { measureProbe } from "../../../runners/measure/probe-measure.ts";
import { measureService } from "../../../runners/measure/service.ts";
import { grid, outages } from "./synthetic.ts";

const probe = (name: string, rateHz: number, down: [number, number] | undefined, end = 6000) =>
  measureProbe(grid({ rateHz, start: 0, end, errorAt: down ? outages(down) : undefined }), { probe: name, rateHz, t0: 1000, stableForMs: 500 });

describe("service aggregation", () => {
  it("the service RTO is the worst probe's; detection is the earliest probe's", () => {
    const s = measureService("orders", [probe("api", 100, [1200, 2000]), probe("db", 10, [1000, 3000])]);
    expect(s.recovery).toEqual({ kind: "recovered", detectedAt: 1000, timeToDetectMs: 0, recoveredAt: 3000, rtoMs: 2000 });
    expect(s.decidedBy).toBe("db");
    expect(s.resolutionMs).toBe(100);
  });

  it("one probe never recovered: the service never recovered", () => {
    const s = measureService("orders", [probe("api", 100, [1000, 1300]), probe("db", 100, [1100, 99_999])]);
    expect(s.recovery.kind).toBe("not-recovered");
    expect(s.decidedBy).toBe("db");
    expect(s.recovery).toMatchObject({ detectedAt: 1000 });
  });

  it("no probe disrupted: no disruption; a silent probe is listed, not ignored", () => {
    const s = measureService("orders", [probe("api", 100, undefined), probe("lost", 100, undefined, 900)]);
    expect(s.recovery.kind).toBe("no-disruption");
    expect(s.probesWithoutSamples).toEqual(["lost"]);
  });

  it("availability while disrupted is the worst probe's", () => {
    const s = measureService("orders", [probe("a", 100, [1000, 1500]), probe("b", 100, [1000, 1100])]);
    expect(s.availabilityWhileDisruptedPct).toBe(0);
  });
});
