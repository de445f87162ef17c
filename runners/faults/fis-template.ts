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
import { RunError } from "../../core/errors.ts";
import type { InlineTemplateT } from "./fis-params.ts";
import { withRetry } from "./fis-retry.ts";
import { FAULT_TAG, type FisState } from "./fis-state.ts";

const nameOf = (error: unknown) => (error as { name?: string })?.name ?? "";

export async function createTemplate(client: FisClient, state: FisState, inline: InlineTemplateT, signal?: AbortSignal): Promise<string> {
  const what = `FIS CreateExperimentTemplate in ${state.region}`;
  try {
    const out = await withRetry(what, () => client.send(new CreateExperimentTemplateCommand({
      clientToken: `${state.clientToken}-t`,
      description: inline.description,
      roleArn: inline.roleArn,
      actions: inline.actions,
      targets: inline.targets,
      stopConditions: inline.stopConditions,
      tags: { [FAULT_TAG]: state.faultId, Name: `continuity-drill ${state.faultId}` },
    })), signal);
    const id = out.experimentTemplate?.id;
    if (!id) throw new Error("the answer names no template id");
    return id;
  } catch (error) {
    throw new RunError(`${what}: ${(error as Error).message}`, { cause: error });
  }
}

export async function deleteTemplate(client: FisClient, state: FisState, id: string): Promise<void> {
  try {
    await withRetry(`FIS DeleteExperimentTemplate ${id}`, () => client.send(new DeleteExperimentTemplateCommand({ id })));
  } catch (error) {
    if (nameOf(error) === "ResourceNotFoundException") return; // deleted already: healing twice is harmless
    throw new RunError(`FIS DeleteExperimentTemplate ${id} in ${state.region}: ${(error as Error).message}`, { cause: error });
  }
}

export async function startExperiment(client: FisClient, state: FisState, signal?: AbortSignal): Promise<Experiment> {
  const what = `FIS StartExperiment from template ${state.templateId} in ${state.region}`;
  try {
    const out = await withRetry(what, () => client.send(new StartExperimentCommand({
      experimentTemplateId: state.templateId,
      clientToken: state.clientToken,
      tags: { [FAULT_TAG]: state.faultId },
    })), signal);
    if (!out.experiment?.id) throw new Error("the answer names no experiment id");
    return out.experiment;
  } catch (error) {
    throw new RunError(`${what}: ${(error as Error).message}`, { cause: error });
  }
}

/** Ask FIS to stop; "not found" and "not running any more" mean there is nothing left to stop. */
export async function requestStop(client: FisClient, state: FisState, id: string): Promise<void> {
  try {
    await withRetry(`FIS StopExperiment ${id}`, () => client.send(new StopExperimentCommand({ id })));
  } catch (error) {
    if (["ResourceNotFoundException", "ConflictException", "ValidationException"].includes(nameOf(error))) return;
    throw new RunError(`FIS StopExperiment ${id} in ${state.region}: ${(error as Error).message}`, { cause: error });
  }
}
