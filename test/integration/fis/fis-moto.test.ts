// The fis.experiment fault over real HTTP: the AWS SDK's own client, its
// serialisation, signing and error mapping, against moto's FIS server on
// 127.0.0.1 (it keeps templates and experiments and moves an experiment's state
// pending → initiating → running → completed, or stopping → stopped; it injects
// nothing). Throttling, failed experiments and stop conditions firing, which
// moto cannot produce, stay under aws-sdk-client-mock in test/unit/aws/.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateExperimentTemplateCommand,
  FisClient,
  GetExperimentCommand,
  GetExperimentTemplateCommand,
  ListExperimentsCommand,
} from "@aws-sdk/client-fis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { activeFaults, recordFault, thisRunner } from "../../../runners/faults/fault-journal.ts";
import { fisExperiment } from "../../../runners/faults/fis-experiment.ts";
import { FisParams } from "../../../runners/faults/fis-params.ts";
import type { FisFaultContext } from "../../../runners/faults/fis-poll.ts";
import type { FisState } from "../../../runners/faults/fis-state.ts";
import { startMoto, type MotoServer } from "../../support/moto-server.ts";

const REGION = "eu-west-1";
const ROLE = "arn:aws:iam::123456789012:role/continuity-drill-fis";
const inline = {
  description: "sessions-cache: primary node lost",
  roleArn: ROLE,
  actions: { failover: { actionId: "aws:elasticache:replicationgroup-interrupt-az-power", parameters: { duration: "PT2M" }, targets: { ReplicationGroups: "cache" } } },
  targets: { cache: { resourceType: "aws:elasticache:replicationgroup", selectionMode: "ALL", resourceArns: ["arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:sessions"] } },
  stopConditions: [{ source: "none" }],
};

let moto: MotoServer;
const saved: Record<string, string | undefined> = {};
const dirs: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  // moto accepts any credentials; the SDK's default chain must still find some.
  for (const [k, v] of Object.entries({ AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_ENDPOINT_URL_FIS: undefined, AWS_ENDPOINT_URL: undefined })) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}, 600_000);

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await moto?.stop();
});

afterEach(() => {
  delete process.env.AWS_ENDPOINT_URL_FIS;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function context(faultId: string): FisFaultContext & { notes: string[]; events: string[] } {
  const stateDir = mkdtempSync(join(tmpdir(), "fis-moto-"));
  dirs.push(stateDir);
  const notes: string[] = [];
  const events: string[] = [];
  return {
    faultId, clock: monotonicClock(), signal: new AbortController().signal, stateDir, notes, events,
    note: (level, message) => void notes.push(`${level}: ${message}`),
    action: (e) => void events.push(e.detail),
  };
}

/** Plan, then write the fault journal entry first, as the runner does. */
async function planned(params: unknown, target: Parameters<typeof fisExperiment.prepare>[1], ctx: FisFaultContext): Promise<FisState> {
  const state = await fisExperiment.prepare(FisParams.parse(params), target, ctx);
  recordFault(ctx.stateDir, { id: ctx.faultId, drillId: "drill-moto", kind: "fis.experiment", state, description: fisExperiment.describe(state), recordedAt: new Date().toISOString(), runner: thisRunner() });
  return state;
}

const sdk = () => new FisClient({ region: REGION, endpoint: moto.url });
const errorName = (p: Promise<unknown>) => p.then(() => "no error", (e: Error) => e.name);

describe("fis.experiment against moto's FIS server over HTTP", () => {
  it("AWS_ENDPOINT_URL_FIS: an inline template is created, started, followed to completed from its first action, and deleted by heal", async () => {
    await moto.setFisTransitions(1);
    process.env.AWS_ENDPOINT_URL_FIS = moto.url;
    const ctx = context("drill-moto-inline-f0");
    const state = await planned({ region: REGION, pollInterval: "100ms", startTimeout: "20s", maxDuration: "20s", template: inline }, { kind: "none" }, ctx);
    expect(state.endpoint).toBe(moto.url);

    await fisExperiment.inject(state, ctx);
    expect(state.createdTemplateId).toMatch(/^\w+$/);
    expect(state.experimentId).toMatch(/^\w+$/);
    // t0 is the failover action's start, on the drill's clock, inside the inject window.
    expect(state.effectiveAt).toBeGreaterThanOrEqual(0);
    expect(state.effectiveAt).toBeLessThanOrEqual(ctx.clock.now());
    // The experiment id reached the on-disk journal (for drill recover), and moto holds the tagged experiment.
    expect(activeFaults(ctx.stateDir)[0]!.state).toMatchObject({ experimentId: state.experimentId, endpoint: moto.url });
    const listed = await sdk().send(new ListExperimentsCommand({}));
    expect(listed.experiments?.find((e) => e.id === state.experimentId)?.tags).toEqual({ "continuity-drill:fault": ctx.faultId });

    const checked = await fisExperiment.check(state, ctx);
    expect(checked).toEqual({ confirmed: true, detail: `FIS experiment ${state.experimentId} completed: failover completed` });
    expect(ctx.events.map((e) => e.replace(/ at \S+ /, " at T "))).toEqual([
      "FIS action failover (aws:elasticache:replicationgroup-interrupt-az-power) started at T [running: Experiment is running]",
      "FIS action failover (aws:elasticache:replicationgroup-interrupt-az-power) ended at T [completed: Experiment completed]",
    ]);

    await fisExperiment.heal(state, ctx);
    expect(await errorName(sdk().send(new GetExperimentTemplateCommand({ id: state.createdTemplateId! })))).toBe("ResourceNotFoundException");
    // Healing twice is harmless: the template is gone, the experiment has ended.
    await fisExperiment.heal(state, ctx);
  });

  it("params.endpoint and a template by id: heal stops a running experiment and waits until FIS says stopped", async () => {
    // Each state lasts two GetExperiment calls, so the experiment is still running when heal comes.
    await moto.setFisTransitions(2);
    const template = await sdk().send(new CreateExperimentTemplateCommand({ clientToken: "moto-stop-template", ...inline }));
    const ctx = context("drill-moto-stop-f0");
    const state = await planned(
      { region: REGION, endpoint: moto.url, pollInterval: "50ms", startTimeout: "20s", stopTimeout: "20s" },
      { kind: "experiment", template: template.experimentTemplate!.id! } as Parameters<typeof fisExperiment.prepare>[1],
      ctx,
    );
    await fisExperiment.inject(state, ctx);
    expect(state.effectiveAt).toBeDefined();

    await fisExperiment.heal(state, ctx);
    const after = await sdk().send(new GetExperimentCommand({ id: state.experimentId! }));
    expect(after.experiment?.state?.status).toBe("stopped");
    // What check says of an experiment that heal stopped: ours, not a failure.
    expect(await fisExperiment.check(state, ctx)).toEqual({ confirmed: true, detail: `FIS experiment ${state.experimentId} stopped by heal after: failover stopped` });
    // A template the scenario did not create is left alone.
    expect((await sdk().send(new GetExperimentTemplateCommand({ id: template.experimentTemplate!.id! }))).experimentTemplate?.id).toBe(template.experimentTemplate!.id);
  });

  it("heal from a journal entry written before the experiment id was known finds the experiment by its tag and stops it", async () => {
    await moto.setFisTransitions(2);
    process.env.AWS_ENDPOINT_URL_FIS = moto.url;
    const ctx = context("drill-moto-recover-f0");
    const state = await planned({ region: REGION, pollInterval: "50ms", startTimeout: "20s", stopTimeout: "20s", template: inline }, { kind: "none" }, ctx);
    await fisExperiment.inject(state, ctx);
    const started = state.experimentId!;

    // As if the runner died between StartExperiment and recording its answer.
    const recovered: FisState = { ...state, experimentId: undefined, actions: undefined };
    delete recovered.experimentId;
    await fisExperiment.heal(recovered, context("drill-moto-recover-f0"));
    expect(recovered.experimentId).toBe(started);
    expect((await sdk().send(new GetExperimentCommand({ id: started }))).experiment?.state?.status).toBe("stopped");
  });

  it("a template id moto does not know: inject fails naming the template, the region and FIS's own words", async () => {
    await moto.setFisTransitions(1);
    const ctx = context("drill-moto-missing-f0");
    const state = await planned(
      { region: REGION, endpoint: moto.url, pollInterval: "50ms" },
      { kind: "experiment", template: "EXTnosuchtemplate" } as Parameters<typeof fisExperiment.prepare>[1],
      ctx,
    );
    await expect(fisExperiment.inject(state, ctx)).rejects.toThrow(/FIS StartExperiment from template EXTnosuchtemplate in eu-west-1: .*EXTnosuchtemplate/);
    await fisExperiment.heal(state, ctx);
  });
});
