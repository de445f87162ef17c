import { describe, expect, it } from "vitest";
import { judgeK6Exit } from "../../../runners/load/k6-exit.ts";
import { TimeOrder } from "../../../runners/load/time-order.ts";
import type { Sample } from "../../../runners/probes/sample.ts";

describe("k6 exit codes", () => {
  it("0 held, 99 thresholds failed, 105 after our SIGINT is a normal stop with thresholds unknown", () => {
    expect(judgeK6Exit({ code: 0, signal: null }, false)).toMatchObject({ exitCode: 0, thresholdsFailed: false, error: false });
    expect(judgeK6Exit({ code: 99, signal: null }, false)).toMatchObject({ exitCode: 99, thresholdsFailed: true, error: false });
    const stopped = judgeK6Exit({ code: 105, signal: null }, true);
    expect(stopped).toMatchObject({ exitCode: 105, error: false });
    expect(stopped.thresholdsFailed).toBeUndefined();
  });

  it("anything else is k6 failing to run the load, named", () => {
    expect(judgeK6Exit({ code: 107, signal: null }, false)).toMatchObject({ exitCode: 107, error: true, summary: "k6 exited with 107: script exception" });
    expect(judgeK6Exit({ code: 105, signal: null }, false)).toMatchObject({ error: true, summary: /aborted by a signal/ });
    expect(judgeK6Exit({ code: null, signal: "SIGKILL" }, true)).toMatchObject({ error: false, summary: /did not stop after SIGINT/ });
    expect(judgeK6Exit({ code: null, signal: "SIGINT" }, true)).toMatchObject({ error: false, summary: /before it could handle it/ });
    expect(judgeK6Exit({ code: null, signal: "SIGKILL" }, false)).toMatchObject({ error: true, summary: "k6 was killed by SIGKILL" });
  });
});

describe("time order of k6 samples", () => {
  it("releases held samples sorted by send time once they are older than the hold; late ones are counted", () => {
    const got: Sample[] = [];
    const order = new TimeOrder(100, (s) => got.push(s));
    for (const t of [30, 10, 20]) order.put({ t, ok: true, latencyMs: 1 });
    order.release(115);
    expect(got.map((s) => [s.seq, s.t])).toEqual([[0, 10]]);
    order.release(200);
    expect(got.map((s) => s.t)).toEqual([10, 20, 30]);
    order.put({ t: 5, ok: true, latencyMs: 1 });
    expect(order.late).toBe(1);
    expect(got.at(-1)).toMatchObject({ seq: 3, t: 5 });
  });
});
