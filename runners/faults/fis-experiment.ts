// fis.experiment — an AWS Fault Injection Service experiment as a fault.
// inject: start it (idempotent token, tagged with the fault's id), record its id
// in the fault journal, and wait until its first fault action runs: that is t0
// (state.effectiveAt, on the drill's clock). check: follow it to its end, action
// by action; a failed experiment, or one FIS stopped on its own (a stop-condition
// alarm), is an error carrying FIS's reason. heal: stop it if it still runs and
// wait for the rollback; delete a template the fault created. Heal needs only
// the recorded state, so `drill recover` can run it from another process.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { parseDuration } from "../../core/duration.ts";
import { faultError, inputError } from "../../core/errors.ts";
import type { FaultKind } from "./fault.ts";
import { clientRegion, fisClient, fisEndpoint } from "./fis-client.ts";
import { FisParams } from "./fis-params.ts";
import { follow, getExperiment, reasonOf, statusOf, TERMINAL, type FisFaultContext } from "./fis-poll.ts";
import { findExperimentByTag, persistState, type FisState } from "./fis-state.ts";
import { createTemplate, deleteTemplate, requestStop, startExperiment } from "./fis-template.ts";
import { faultStartWallMs, onClock } from "./fis-timeline.ts";
import type { ResolvedTarget } from "./targets.ts";

type Params = z.infer<typeof FisParams>;

/** Which template: a plan endpoint's value, an id given directly, or none (inline). */
function templateOf(params: Params, target: ResolvedTarget, fault: string): string | undefined {
  const given = target.kind === "experiment" ? target.template : target.kind === "endpoint" ? target.address : undefined;
  if (given !== undefined && params.template) throw inputError("fis.experiment: target names a template and params.template describes one: give one of them", { fault });
  if (target.kind === "none" && !params.template) throw inputError("fis.experiment: target { none: true } needs params.template (an inline template), or target a template", { fault });
  if (target.kind === "experiment" && given!.startsWith("fis:")) {
    throw inputError(`fis.experiment: "${given}" is a plan endpoint name, not a template id: write target { endpoint: "${given}" } so it is resolved from the plan`, { fault });
  }
  if (target.kind === "endpoint" && /:\/\/|\s/.test(given!)) throw inputError(`fis.experiment: endpoint "${target.endpoint}" is "${given}", not an experiment template id`, { fault });
  return given;
}

export const fisExperiment: FaultKind<Params, FisState> = {
  kind: "fis.experiment",
  description: "Run an AWS FIS experiment (a template from the plan, by id, or inline); heal stops it",
  params: FisParams,
  targets: ["experiment", "endpoint", "none"],
  async prepare(params, target, ctx) {
    const templateId = templateOf(params, target, ctx.faultId);
    const endpoint = params.endpoint ?? fisEndpoint();
    const region = await clientRegion(fisClient(params.region ?? (ctx as FisFaultContext & { region?: string }).region, endpoint));
    return {
      faultId: ctx.faultId,
      region,
      ...(endpoint ? { endpoint } : {}),
      // FIS takes at most 64 characters; a hash of the fault id is stable across retries and processes.
      clientToken: `cd-${createHash("sha256").update(ctx.faultId).digest("hex").slice(0, 40)}`,
      ...(templateId ? { templateId } : { inline: params.template as unknown as Record<string, unknown> }),
      pollMs: parseDuration(params.pollInterval),
      startTimeoutMs: parseDuration(params.startTimeout),
      stopTimeoutMs: parseDuration(params.stopTimeout),
      maxDurationMs: parseDuration(params.maxDuration),
    };
  },
  async inject(state, ctx: FisFaultContext) {
    const client = fisClient(state.region, state.endpoint);
    const requestedAt = ctx.clock.now();
    if (state.inline && !state.templateId) {
      state.templateId = state.createdTemplateId = await createTemplate(client, state, FisParams.shape.template.unwrap().parse(state.inline), ctx.signal);
      persistState(ctx, state);
    }
    const started = await startExperiment(client, state, ctx.signal);
    state.experimentId = started.id;
    persistState(ctx, state);
    ctx.note("info", `FIS experiment ${started.id} started from template ${state.templateId} in ${state.region}`);
    const experiment = await follow(client, state, ctx, {
      until: (e) => !e || TERMINAL.has(statusOf(e)) || faultStartWallMs(state.actions ?? []) !== undefined,
      timeoutMs: state.startTimeoutMs, what: "fis.experiment inject", signal: ctx.signal, notBefore: requestedAt,
    });
    const status = statusOf(experiment);
    const startWall = faultStartWallMs(state.actions ?? []);
    if (status === "failed" || (status === "stopped" && !state.healRequested) || startWall === undefined) {
      throw faultError(`FIS experiment ${state.experimentId} ${status} before its fault took effect: ${reasonOf(experiment)}`, { fault: state.faultId });
    }
    state.effectiveAt = onClock(startWall, ctx.clock, requestedAt);
  },
  async check(state, ctx: FisFaultContext) {
    if (!state.experimentId) return { confirmed: false, detail: "no experiment was started" };
    const experiment = await follow(fisClient(state.region, state.endpoint), state, ctx, {
      until: (e) => !e || TERMINAL.has(statusOf(e)), timeoutMs: state.maxDurationMs, what: "fis.experiment check", signal: ctx.signal, notBefore: -Infinity,
    });
    const status = statusOf(experiment);
    const ran = faultStartWallMs(state.actions ?? []) !== undefined;
    const actions = (state.actions ?? []).map((a) => `${a.name} ${a.status}`).join(", ") || "no actions";
    if (!experiment) return { confirmed: false, detail: `FIS experiment ${state.experimentId} no longer exists` };
    if (status === "completed") return { confirmed: ran, detail: `FIS experiment ${state.experimentId} completed: ${actions}` };
    if (status === "stopped" && state.healRequested) return { confirmed: ran, detail: `FIS experiment ${state.experimentId} stopped by heal after: ${actions}` };
    throw faultError(`FIS experiment ${state.experimentId} ${status}: ${reasonOf(experiment)} (${actions})`, { fault: state.faultId });
  },
  async heal(state, ctx: FisFaultContext) {
    state.healRequested = true;
    const client = fisClient(state.region, state.endpoint);
    const id = state.experimentId ?? (await findExperimentByTag(client, state.faultId));
    if (id) {
      state.experimentId = id;
      const experiment = await getExperiment(client, id);
      if (experiment && !TERMINAL.has(statusOf(experiment))) {
        if (statusOf(experiment) !== "stopping") await requestStop(client, state, id);
        // Stopping rolls actions back (network ACLs restored …): heal is done only when that is.
        await follow(client, state, ctx, { until: (e) => !e || TERMINAL.has(statusOf(e)), timeoutMs: state.stopTimeoutMs, what: "fis.experiment heal", notBefore: -Infinity });
      }
    }
    if (state.createdTemplateId) await deleteTemplate(client, state, state.createdTemplateId);
  },
  describe: (s) =>
    `FIS experiment${s.experimentId ? ` ${s.experimentId}` : ""} from ${s.templateId ? `template ${s.templateId}` : "an inline template"} in ${s.region}${s.endpoint ? ` at ${s.endpoint}` : ""}`,
};
