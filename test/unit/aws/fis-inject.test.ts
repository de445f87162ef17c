// The fis.experiment fault against a mocked FIS API (aws-sdk-client-mock):
// start, wait for the first fault action (t0), follow to the end, fail with
// FIS's reason. No request leaves this process. (aws-sdk-client-mock replaces
// `send`, so the SDK's retry never runs here: fis-throttling.test.ts.)
import { FisClient, GetExperimentCommand, StartExperimentCommand } from "@aws-sdk/client-fis";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { activeFaults, recordFault } from "../../../runners/faults/fault-journal.ts";
import { fisExperiment } from "../../../runners/faults/fis-experiment.ts";
import { FisParams } from "../../../runners/faults/fis-params.ts";
import { experiment, recorder } from "./fis-support.ts";

const fis = mockClient(FisClient);
afterAll(() => fis.restore());
beforeEach(() => fis.reset());

const params = FisParams.parse({ region: "eu-west-1", pollInterval: "1ms", startTimeout: "5s", maxDuration: "5s" });
const target = { kind: "endpoint" as const, service: "orders-db", endpoint: "fis:node-loss", address: "EXTabc123" };

/** GetExperiment answers in order; the clock advances 1 s per poll, as time would. */
function answers(r: ReturnType<typeof recorder>, ...sequence: ReturnType<typeof experiment>[]) {
  let i = 0;
  fis.on(GetExperimentCommand).callsFake(() => {
    r.clock.advance(1_000);
    return sequence[Math.min(i++, sequence.length - 1)];
  });
}

describe("fis.experiment inject and check", () => {
  it("pending → running → completed: t0 is the fault action's start, each action's start and end is reported", async () => {
    const r = recorder({ withActionHook: true });
    fis.on(StartExperimentCommand).resolves(experiment("pending"));
    answers(r,
      experiment("pending", { failover: { status: "pending" } }),
      experiment("initiating", { failover: { status: "pending" } }),
      experiment("running", { wait: { status: "running", actionId: "aws:fis:wait", start: 2_000 }, failover: { status: "running", start: 2_500 } }),
      experiment("running", { wait: { status: "completed", actionId: "aws:fis:wait", start: 2_000, end: 2_100 }, failover: { status: "running", start: 2_500 } }),
      experiment("completed", { wait: { status: "completed", actionId: "aws:fis:wait", start: 2_000, end: 2_100 }, failover: { status: "completed", start: 2_500, end: 5_500 } }),
    );
    const state = await fisExperiment.prepare(params, target, r.ctx);
    expect(state).toMatchObject({ region: "eu-west-1", templateId: "EXTabc123", faultId: "drill-1-f0" });
    recordFault(r.ctx.stateDir, { id: r.ctx.faultId, drillId: "drill-1", kind: "fis.experiment", state, description: fisExperiment.describe(state), recordedAt: "", runner: { pid: 1, startTime: 0 } });

    await fisExperiment.inject(state, r.ctx);
    // The wait action (not a fault) started first; t0 is the failover's start, on the drill's clock.
    expect(state.effectiveAt).toBe(2_500);
    expect(state.experimentId).toBe("EXP1");
    const start = fis.commandCalls(StartExperimentCommand)[0]!.args[0].input;
    expect(start).toMatchObject({ experimentTemplateId: "EXTabc123", tags: { "continuity-drill:fault": "drill-1-f0" } });
    expect(start.clientToken).toMatch(/^cd-[0-9a-f]{40}$/);
    // The experiment id reached the on-disk fault journal, for drill recover.
    expect(activeFaults(r.ctx.stateDir)[0]!.state).toMatchObject({ experimentId: "EXP1" });

    const checked = await fisExperiment.check(state, r.ctx);
    expect(checked).toEqual({ confirmed: true, detail: "FIS experiment EXP1 completed: wait completed, failover completed" });
    expect(r.actions).toEqual([
      { t: 2_000, detail: expect.stringMatching(/^FIS action wait \(aws:fis:wait\) started at 2025-01-01T12:00:02.000Z/) },
      { t: 2_500, detail: expect.stringMatching(/^FIS action failover \(aws:rds:failover-db-cluster\) started/) },
      { t: 2_100, detail: expect.stringMatching(/^FIS action wait .* ended/) },
      { t: 5_500, detail: expect.stringMatching(/^FIS action failover .* ended .*\[completed\]/) },
    ]);
  });

  it("without an action hook, action events become journal notes", async () => {
    const r = recorder();
    fis.on(StartExperimentCommand).resolves(experiment("initiating"));
    answers(r, experiment("running", { failover: { status: "running", start: 1_500 } }));
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await fisExperiment.inject(state, r.ctx);
    expect(r.notes).toEqual([
      "info: FIS experiment EXP1 started from template EXTabc123 in eu-west-1",
      expect.stringMatching(/^info: FIS action failover \(aws:rds:failover-db-cluster\) started at 2025-01-01T12:00:01.500Z \[running\]$/),
    ]);
  });

  it("an experiment that fails before its fault ends the drill with FIS's reason", async () => {
    const r = recorder();
    fis.on(StartExperimentCommand).resolves(experiment("initiating"));
    answers(r, experiment("failed", { failover: { status: "cancelled" } }, "Target resolution returned no resources for orders-db"));
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await expect(fisExperiment.inject(state, r.ctx)).rejects.toMatchObject({
      kind: expect.stringMatching(/^(environment|fault)$/),
      message: "FIS experiment EXP1 failed before its fault took effect: Target resolution returned no resources for orders-db",
    });
  });

  it("an experiment FIS stops on its own (a stop condition) fails the check with the reason", async () => {
    const r = recorder();
    fis.on(StartExperimentCommand).resolves(experiment("initiating"));
    answers(r,
      experiment("running", { failover: { status: "running", start: 1_500 } }),
      experiment("stopped", { failover: { status: "stopped", start: 1_500, end: 4_000 } }, "Experiment stopped by a stop condition: cd-aws-stop-no-healthy-web"),
    );
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await fisExperiment.inject(state, r.ctx);
    await expect(fisExperiment.check(state, r.ctx)).rejects.toThrow(/EXP1 stopped: Experiment stopped by a stop condition: cd-aws-stop-no-healthy-web \(failover stopped\)/);
  });

  it("a start that FIS refuses names the template and region", async () => {
    const r = recorder();
    fis.on(StartExperimentCommand).rejects(Object.assign(new Error("Experiment template not found"), { name: "ResourceNotFoundException" }));
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await expect(fisExperiment.inject(state, r.ctx)).rejects.toThrow("FIS StartExperiment from template EXTabc123 in eu-west-1: Experiment template not found");
  });
});
