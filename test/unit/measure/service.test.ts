import { describe, expect, it } from "vitest";
import { measureProbe } from "../../../runners/measure/probe-measure.ts";
import { ProbeMeasureStream } from "../../../runners/measure/probe-measure-stream.ts";
import { measureService } from "../../../runners/measure/service.ts";
import { grid, outages } from "./synthetic.ts";

const probe = (name: string, rateHz: number, down: [number, number] | undefined, end = 6000, path: "read" | "write" = "read") =>
  measureProbe(grid({ rateHz, start: 0, end, errorAt: down ? outages(down) : undefined }), { probe: name, path, rateHz, t0: 1000, stableForMs: 500 });

describe("service aggregation", () => {
  it("the service RTO is the worst probe's; detection is the earliest probe's", () => {
    const s = measureService("orders", [probe("api", 100, [1200, 2000]), probe("db", 10, [1000, 3000])]);
    expect(s.recovery).toEqual({ kind: "recovered", detectedAt: 1000, timeToDetectMs: 0, healthyBeforeAt: 900, recoveredAt: 3000, measuredRtoMs: 2000, lastDisruptedAt: 2900 });
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

describe("paths: the write path counts", () => {
  // The defect: `select 1` answered by a standby recovered at t0+2 s while every
  // INSERT failed until t0+5.1 s, and the drill reported 2 s.
  it("reads back at 2 s, writes back at 5.1 s: the service RTO is the write path's", () => {
    const read = probe("orders-sql", 100, [1000, 3000]);
    const write = probe("orders-ledger", 20, [1000, 6100], 9000, "write");
    const s = measureService("orders-db", [read, write], { startedAt: 990, returnedAt: 1000 });
    expect(s.paths.map((p) => [p.path, p.recovery.kind === "recovered" ? p.recovery.measuredRtoMs : undefined])).toEqual([["read", 2000], ["write", 5100]]);
    expect(s.recovery).toMatchObject({ kind: "recovered", measuredRtoMs: 5100 });
    expect(s.decidedBy).toBe("orders-ledger");
  });
});

describe("onset: the inject window", () => {
  // The defect: a blocking switchover command caused every failed sample before it returned; t0 was its return.
  it("a blocking inject whose whole outage lies inside the window is measured from the first failed sample in it", () => {
    const samples = grid({ rateHz: 100, start: 0, end: 9000, errorAt: outages([2000, 3500]) });
    const m = measureProbe(samples, { probe: "web", rateHz: 100, t0: 1000, stableForMs: 500 });
    const s = measureService("web", [m], { startedAt: 1000, returnedAt: 5000 });
    expect(s.onset).toEqual({ t0: 2000, lowerBound: 1990, seenBy: "web" });
    expect(s.recovery).toMatchObject({ kind: "recovered", measuredRtoMs: 1500, timeToDetectMs: 0 });
    expect(s.bounds).toEqual({ minMs: 1490, maxMs: 1510, widthMs: 20 });
  });

  it("nothing disrupted inside the window: t0 is when inject returned, and the bounds widen by the whole window", () => {
    const samples = grid({ rateHz: 100, start: 0, end: 9000, errorAt: outages([3000, 4000]) });
    const m = measureProbe(samples, { probe: "web", rateHz: 100, t0: 1000, stableForMs: 500 });
    const s = measureService("web", [m], { startedAt: 1000, returnedAt: 2500 });
    expect(s.onset).toEqual({ t0: 2500, lowerBound: 1000 });
    expect(s.recovery).toMatchObject({ kind: "recovered", measuredRtoMs: 1500 });
    expect(s.bounds).toEqual({ minMs: 1490, maxMs: 3000, widthMs: 1510 });
  });

  it("late sends widen the bounds: they come from real send times, not the nominal interval", () => {
    const samples = grid({ rateHz: 100, start: 0, end: 9000, errorAt: outages([2000, 3000]) }).filter((x) => x.t < 1800 || x.t >= 2000);
    const m = measureProbe(samples, { probe: "web", rateHz: 100, t0: 1000, stableForMs: 500 });
    const s = measureService("web", [m], { startedAt: 1000, returnedAt: 2000 });
    expect(s.bounds).toEqual({ minMs: 990, maxMs: 1210, widthMs: 220 });
  });
});

describe("a harness stall widens the bounds on its side", () => {
  // The defect: under load, the request of the sample that fixed t0 left ~100 ms after its send
  // time (the fault's command was being spawned), and an independently timed outage fell outside the bounds.
  it("the next sample's lag after the onset sample lowers the RTO's lower bound; after recovered at, it raises the upper", () => {
    const samples = grid({ rateHz: 100, start: 0, end: 9000, errorAt: outages([2000, 3500]) }).map((x) =>
      x.t === 2010 ? { ...x, intendedT: 1930, seq: x.seq } : x.t === 3510 ? { ...x, intendedT: 3470 } : x);
    const m = measureProbe(samples, { probe: "web", rateHz: 100, t0: 1000, stableForMs: 500 });
    const stream = new ProbeMeasureStream({ probe: "web", rateHz: 100, t0: 1000, stableForMs: 500 });
    for (const x of samples) stream.push(x);
    expect(stream.result().recovery).toEqual(m.recovery);
    const s = measureService("web", [m], { startedAt: 1000, returnedAt: 5000 });
    expect(s.onset).toMatchObject({ t0: 2000, sendLagMs: 80 });
    expect(s.bounds).toEqual({ minMs: 1490 - 80, maxMs: 1510 + 40, widthMs: 20 + 120 });
  });
});

describe("heal disruption: failback is its own figure", () => {
  it("a disruption after heal, after the fault's recovery, is measured apart from the RTO", () => {
    const samples = grid({ rateHz: 100, start: 0, end: 12_000, errorAt: outages([1000, 2000], [8000, 8700]) });
    const stream = new ProbeMeasureStream({ probe: "db", rateHz: 100, t0: 1000, stableForMs: 500 });
    for (const x of samples) {
      if (x.t === 6000) stream.armHeal(6000);
      stream.push(x);
    }
    const s = measureService("db", [stream.result()], { startedAt: 1000, returnedAt: 1000 });
    expect(s.recovery).toMatchObject({ kind: "recovered", measuredRtoMs: 1000 });
    expect(s.heal).toEqual({ healAt: 6000, failedSamples: 70, recovered: true, durationMs: 700, decidedBy: "db" });
  });

  it("a fault still disrupting at heal time keeps its outage in the RTO, not in the heal figure", () => {
    const samples = grid({ rateHz: 100, start: 0, end: 12_000, errorAt: outages([1000, 6500]) });
    const stream = new ProbeMeasureStream({ probe: "db", rateHz: 100, t0: 1000, stableForMs: 500 });
    for (const x of samples) {
      if (x.t === 6000) stream.armHeal(6000);
      stream.push(x);
    }
    const s = measureService("db", [stream.result()], { startedAt: 1000, returnedAt: 1000 });
    expect(s.recovery).toMatchObject({ kind: "recovered", measuredRtoMs: 5500 });
    expect(s.heal).toMatchObject({ failedSamples: 0, recovered: true });
    expect(s.heal!.durationMs).toBeUndefined();
  });
});
