// Healing fis.experiment: stop what still runs (after Ctrl-C too), wait for the
// rollback, be harmless when there is nothing to stop, and work from the
// recorded state alone — as `drill recover` does in another process.
import {
  CreateExperimentTemplateCommand,
  DeleteExperimentTemplateCommand,
  FisClient,
  GetExperimentCommand,
  ListExperimentsCommand,
  StartExperimentCommand,
  StopExperimentCommand,
} from "@aws-sdk/client-fis";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { activeFaults, recordFault } from "../../../runners/faults/fault-journal.ts";
import { fisExperiment } from "../../../runners/faults/fis-experiment.ts";
import { FisParams } from "../../../runners/faults/fis-params.ts";
import type { FisState } from "../../../runners/faults/fis-state.ts";
import { faultKind } from "../../../runners/faults/registry.ts";
import { awsError, experiment, recorder } from "./fis-support.ts";

const fis = mockClient(FisClient);
afterAll(() => fis.restore());
beforeEach(() => fis.reset());

const params = FisParams.parse({ region: "eu-west-1", pollInterval: "1ms", startTimeout: "5s", stopTimeout: "5s" });
const target = { kind: "experiment" as const, template: "EXTzone" };

describe("fis.experiment heal", () => {
  it("on abort: inject gives up at once, heal stops the experiment and waits until it is stopped", async () => {
    const r = recorder();
    fis.on(StartExperimentCommand).resolves(experiment("initiating"));
    fis.on(GetExperimentCommand)
      .resolvesOnce(experiment("initiating"))
      .resolvesOnce(experiment("running", { cut: { status: "running", start: 100 } }))
      .resolvesOnce(experiment("stopping", { cut: { status: "stopping", start: 100 } }))
      .resolves(experiment("stopped", { cut: { status: "stopped", start: 100, end: 900 } }));
    fis.on(StopExperimentCommand).resolves({});
    const state = await fisExperiment.prepare(params, target, r.ctx);
    r.abort.abort();
    await expect(fisExperiment.inject(state, r.ctx)).rejects.toThrow("fis.experiment inject: interrupted while FIS experiment EXP1 was initiating");
    // Heal runs with the same (aborted) context and must still finish its job.
    await fisExperiment.heal(state, r.ctx);
    expect(fis.commandCalls(StopExperimentCommand).map((c) => c.args[0].input)).toEqual([{ id: "EXP1" }]);
    expect(fis.commandCalls(GetExperimentCommand).length).toBeGreaterThanOrEqual(4);
  });

  it("a check that sees the drill's own stop confirms the fault instead of failing", async () => {
    const r = recorder();
    fis.on(StartExperimentCommand).resolves(experiment("initiating"));
    fis.on(GetExperimentCommand)
      .resolvesOnce(experiment("running", { cut: { status: "running", start: 100 } }))
      .resolves(experiment("stopped", { cut: { status: "stopped", start: 100, end: 800 } }, "Experiment stopped by user"));
    fis.on(StopExperimentCommand).resolves({});
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await fisExperiment.inject(state, r.ctx);
    state.healRequested = true;
    expect(await fisExperiment.check(state, r.ctx)).toEqual({ confirmed: true, detail: "FIS experiment EXP1 stopped by heal after: cut stopped" });
  });

  it("from the fault journal in another process (drill recover), and again harmlessly", async () => {
    const r = recorder({ faultId: "drill-7-f0" });
    const recorded: FisState = {
      faultId: "drill-7-f0", region: "eu-west-1", clientToken: "cd-x", templateId: "EXTzone", experimentId: "EXP1",
      pollMs: 1, startTimeoutMs: 5_000, stopTimeoutMs: 5_000, maxDurationMs: 5_000,
    };
    recordFault(r.ctx.stateDir, { id: "drill-7-f0", drillId: "drill-7", kind: "fis.experiment", state: recorded, description: "x", recordedAt: "", runner: { pid: 999_999_999, startTime: 1 } });
    const [left] = activeFaults(r.ctx.stateDir);
    fis.on(GetExperimentCommand).resolvesOnce(experiment("running")).resolves(experiment("stopped"));
    fis.on(StopExperimentCommand).resolves({});
    // What drill recover does: the kind by name, the state as read back from disk.
    await faultKind(left!.kind, "fault journal").heal(JSON.parse(JSON.stringify(left!.state)), { ...r.ctx, faultId: left!.id });
    expect(fis.commandCalls(StopExperimentCommand)).toHaveLength(1);
    await faultKind(left!.kind, "fault journal").heal(JSON.parse(JSON.stringify(left!.state)), { ...r.ctx, faultId: left!.id });
    expect(fis.commandCalls(StopExperimentCommand)).toHaveLength(1);
  });

  it("finds the experiment by its tag when the runner died before recording its id", async () => {
    const r = recorder({ faultId: "drill-8-f1" });
    const recorded: FisState = { faultId: "drill-8-f1", region: "eu-west-1", clientToken: "cd-y", templateId: "EXTzone", pollMs: 1, startTimeoutMs: 5_000, stopTimeoutMs: 5_000, maxDurationMs: 5_000 };
    fis.on(ListExperimentsCommand)
      .resolvesOnce({ experiments: [{ id: "EXPother", tags: { "continuity-drill:fault": "drill-2-f0" } }], nextToken: "page-2" })
      .resolves({ experiments: [{ id: "EXP1", tags: { "continuity-drill:fault": "drill-8-f1" } }] });
    fis.on(GetExperimentCommand).resolvesOnce(experiment("running")).resolves(experiment("stopped"));
    fis.on(StopExperimentCommand).resolves({});
    await fisExperiment.heal(recorded, r.ctx);
    expect(fis.commandCalls(StopExperimentCommand).map((c) => c.args[0].input.id)).toEqual(["EXP1"]);
  });

  it("has nothing to do when no experiment was ever started, or it has ended, or it is gone", async () => {
    const r = recorder();
    const base: FisState = { faultId: "drill-9-f0", region: "eu-west-1", clientToken: "cd-z", templateId: "EXTzone", pollMs: 1, startTimeoutMs: 5_000, stopTimeoutMs: 5_000, maxDurationMs: 5_000 };
    fis.on(ListExperimentsCommand).resolves({ experiments: [] });
    await fisExperiment.heal({ ...base }, r.ctx);
    fis.on(GetExperimentCommand).resolvesOnce(experiment("completed")).rejects(awsError("ResourceNotFoundException", "Experiment not found"));
    await fisExperiment.heal({ ...base, experimentId: "EXP1" }, r.ctx);
    await fisExperiment.heal({ ...base, experimentId: "EXP1" }, r.ctx);
    expect(fis.commandCalls(StopExperimentCommand)).toHaveLength(0);
  });

  it("leaves the fault in the journal (heal throws) when the rollback does not finish in time", async () => {
    const r = recorder();
    const state: FisState = { faultId: "drill-3-f0", region: "eu-west-1", clientToken: "cd-w", templateId: "EXTzone", experimentId: "EXP1", pollMs: 1, startTimeoutMs: 50, stopTimeoutMs: 50, maxDurationMs: 50 };
    fis.on(GetExperimentCommand).resolves(experiment("stopping"));
    await expect(fisExperiment.heal(state, r.ctx)).rejects.toThrow(/fis.experiment heal: FIS experiment EXP1 is still stopping after/);
  });
});

describe("fis.experiment with an inline template", () => {
  const inline = {
    description: "drill: terminate one web instance",
    roleArn: "arn:aws:iam::123456789012:role/cd-aws-fis",
    actions: { terminate: { actionId: "aws:ec2:terminate-instances", targets: { Instances: "web" } } },
    targets: { web: { resourceType: "aws:ec2:instance", selectionMode: "COUNT(1)", resourceTags: { "aws:autoscaling:groupName": "cd-aws-web" } } },
    stopConditions: [{ source: "aws:cloudwatch:alarm", value: "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cd-aws-stop-no-healthy-web" }],
  };

  it("creates the template, runs it, and deletes it on heal", async () => {
    const r = recorder();
    fis.on(CreateExperimentTemplateCommand).resolves({ experimentTemplate: { id: "EXTinline" } });
    fis.on(StartExperimentCommand).resolves(experiment("initiating"));
    fis.on(GetExperimentCommand).resolvesOnce(experiment("running", { terminate: { status: "completed", actionId: "aws:ec2:terminate-instances", start: 10, end: 20 } })).resolves(experiment("completed"));
    fis.on(DeleteExperimentTemplateCommand).resolves({});
    const state = await fisExperiment.prepare(FisParams.parse({ ...params, template: inline }), { kind: "none" }, r.ctx);
    await fisExperiment.inject(state, r.ctx);
    expect(fis.commandCalls(CreateExperimentTemplateCommand)[0]!.args[0].input).toMatchObject({ roleArn: inline.roleArn, stopConditions: inline.stopConditions, tags: { "continuity-drill:fault": "drill-1-f0" } });
    expect(fis.commandCalls(StartExperimentCommand)[0]!.args[0].input.experimentTemplateId).toBe("EXTinline");
    await fisExperiment.heal(state, r.ctx);
    expect(fis.commandCalls(DeleteExperimentTemplateCommand).map((c) => c.args[0].input)).toEqual([{ id: "EXTinline" }]);
  });

  it("is validated as plain data before anything is touched", () => {
    expect(FisParams.safeParse({ template: { ...inline, stopConditions: [] } }).success).toBe(false);
    expect(FisParams.safeParse({ template: { ...inline, roleArn: "cd-aws-fis" } }).success).toBe(false);
    expect(FisParams.safeParse({ templat: inline }).success).toBe(false);
  });

  it("refuses a target and an inline template together, a plan endpoint name as an id, and none without a template", async () => {
    const r = recorder();
    await expect(fisExperiment.prepare(FisParams.parse({ ...params, template: inline }), target, r.ctx)).rejects.toThrow(/give one of them/);
    await expect(fisExperiment.prepare(params, { kind: "experiment", template: "fis:node-loss" }, r.ctx)).rejects.toThrow('write target { endpoint: "fis:node-loss" }');
    await expect(fisExperiment.prepare(params, { kind: "none" }, r.ctx)).rejects.toThrow(/needs params.template/);
    await expect(fisExperiment.prepare(params, { kind: "endpoint", service: "web", endpoint: "http", address: "http://shop.example.com" }, r.ctx)).rejects.toMatchObject({ kind: "input" });
  });
});
