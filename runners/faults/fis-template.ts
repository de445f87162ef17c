// Experiments FIS runs: started from a template with an idempotency token,
// stopped when still running, and — for templates a scenario describes inline —
// the template created for the drill and deleted after it. Every call says what
// it tried, on which template or experiment, in which region.
import {
  CreateExperimentTemplateCommand,
  DeleteExperimentTemplateCommand,
  StartExperimentCommand,
  StopExperimentCommand,
  type Experiment,
  type FisClient,
} from "@aws-sdk/client-fis";
import { faultError } from "../../core/errors.ts";
import type { InlineTemplateT } from "./fis-params.ts";
import { fisCall } from "./fis-client.ts";
import { FAULT_TAG, type FisState } from "./fis-state.ts";

const nameOf = (error: unknown) => (error as { name?: string })?.name ?? "";

/** A failed call as a DrillError "fault" naming what was tried (a given-up retry already says so). */
const failed = (what: string, state: FisState, error: unknown) =>
  (error as { kind?: string }).kind === "fault" ? (error as Error) : faultError(`${what}: ${(error as Error).message}`, { fault: state.faultId }, error);

export async function createTemplate(client: FisClient, state: FisState, inline: InlineTemplateT, signal?: AbortSignal): Promise<string> {
  const what = `FIS CreateExperimentTemplate in ${state.region}`;
  try {
    const out = await fisCall(what, () => client.send(new CreateExperimentTemplateCommand({
      clientToken: `${state.clientToken}-t`,
      description: inline.description,
      roleArn: inline.roleArn,
      actions: inline.actions,
      targets: inline.targets,
      stopConditions: inline.stopConditions,
      tags: { [FAULT_TAG]: state.faultId, Name: `continuity-drill ${state.faultId}` },
    }), { abortSignal: signal }), { fault: state.faultId });
    const id = out.experimentTemplate?.id;
    if (!id) throw new Error("the answer names no template id");
    return id;
  } catch (error) {
    throw failed(what, state, error);
  }
}

export async function deleteTemplate(client: FisClient, state: FisState, id: string): Promise<void> {
  try {
    await fisCall(`FIS DeleteExperimentTemplate ${id}`, () => client.send(new DeleteExperimentTemplateCommand({ id })), { fault: state.faultId });
  } catch (error) {
    if (nameOf(error) === "ResourceNotFoundException") return; // deleted already: healing twice is harmless
    throw failed(`FIS DeleteExperimentTemplate ${id} in ${state.region}`, state, error);
  }
}

export async function startExperiment(client: FisClient, state: FisState, signal?: AbortSignal): Promise<Experiment> {
  const what = `FIS StartExperiment from template ${state.templateId} in ${state.region}`;
  try {
    const out = await fisCall(what, () => client.send(new StartExperimentCommand({
      experimentTemplateId: state.templateId,
      clientToken: state.clientToken,
      tags: { [FAULT_TAG]: state.faultId },
    }), { abortSignal: signal }), { fault: state.faultId });
    if (!out.experiment?.id) throw new Error("the answer names no experiment id");
    return out.experiment;
  } catch (error) {
    throw failed(what, state, error);
  }
}

/** Ask FIS to stop; "not found" and "not running any more" mean there is nothing left to stop. */
export async function requestStop(client: FisClient, state: FisState, id: string): Promise<void> {
  try {
    await fisCall(`FIS StopExperiment ${id}`, () => client.send(new StopExperimentCommand({ id })), { fault: state.faultId });
  } catch (error) {
    if (["ResourceNotFoundException", "ConflictException", "ValidationException"].includes(nameOf(error))) return;
    throw failed(`FIS StopExperiment ${id} in ${state.region}`, state, error);
  }
}
