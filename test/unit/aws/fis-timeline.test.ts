// FIS actions as a timeline: which action starts the fault, what changed
// between polls, and FIS's wall times on the drill's monotonic clock.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { manualClock } from "../../../core/clock.ts";
import { actionEvents, actionsOf, faultStartWallMs, mergeActions, onClock, type FisAction } from "../../../runners/faults/fis-timeline.ts";
import { experiment, ORIGIN } from "./fis-support.ts";

describe("FIS action timeline", () => {
  it("maps GetExperiment's actions, ordered by start", () => {
    const actions = actionsOf(experiment("running", {
      later: { status: "pending" },
      b: { status: "running", start: 300, actionId: "aws:network:disrupt-connectivity" },
      a: { status: "completed", start: 100, end: 200, reason: "done", actionId: "aws:fis:wait" },
    }).experiment);
    expect(actions).toEqual([
      { name: "a", actionId: "aws:fis:wait", status: "completed", reason: "done", startWallMs: ORIGIN + 100, endWallMs: ORIGIN + 200 },
      { name: "b", actionId: "aws:network:disrupt-connectivity", status: "running", startWallMs: ORIGIN + 300 },
      { name: "later", actionId: "aws:rds:failover-db-cluster", status: "pending" },
    ]);
    // aws:fis:wait hurts nothing: the fault starts with b.
    expect(faultStartWallMs(actions)).toBe(ORIGIN + 300);
  });

  it("has no fault start while only waits ran or nothing started", () => {
    expect(faultStartWallMs(actionsOf(experiment("running", { w: { status: "running", start: 5, actionId: "aws:fis:wait" } }).experiment))).toBeUndefined();
    expect(faultStartWallMs(actionsOf(experiment("pending", { f: { status: "pending" } }).experiment))).toBeUndefined();
    expect(faultStartWallMs([])).toBeUndefined();
  });

  it("reports each start and end once, in time order", () => {
    const t1 = actionsOf(experiment("running", { x: { status: "running", start: 10 } }).experiment);
    const t2 = actionsOf(experiment("running", { x: { status: "completed", start: 10, end: 50 }, y: { status: "running", start: 40 } }).experiment);
    expect(actionEvents([], t1).map((e) => `${e.action.name} ${e.event}`)).toEqual(["x started"]);
    expect(actionEvents(t1, t2).map((e) => `${e.action.name} ${e.event} ${e.wallMs - ORIGIN}`)).toEqual(["y started 40", "x ended 50"]);
    expect(actionEvents(t2, t2)).toEqual([]);
  });

  it("an older answer after a newer one reports nothing again and loses nothing", () => {
    const action = (start?: number, end?: number): FisAction[] => [{ name: "x", actionId: "aws:rds:failover-db-cluster", status: end ? "completed" : "running", ...(start ? { startWallMs: start } : {}), ...(end ? { endWallMs: end } : {}) }];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (start, length) => {
        const newer = action(start, start + length);
        const merged = mergeActions(newer, action(start));
        expect(merged).toEqual(newer);
        expect(actionEvents(newer, merged)).toEqual([]);
      }),
    );
  });

  it("puts FIS's wall time on the drill's clock, never before the request nor after now", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (skew, notBefore, extra) => {
        const clock = manualClock(notBefore + extra, ORIGIN);
        const t = onClock(ORIGIN + notBefore + skew, clock, notBefore);
        expect(t).toBeGreaterThanOrEqual(notBefore);
        expect(t).toBeLessThanOrEqual(clock.now());
      }),
    );
    expect(onClock(ORIGIN + 1_500, manualClock(3_000, ORIGIN), 1_000)).toBe(1_500);
  });
});
