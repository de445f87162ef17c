// How an operator in another shell acknowledges a manual step: the running game
// day publishes its steps in <state>/gameday/current.json; `drill ack` writes one
// small file per acknowledgement beside it, which the runner polls. Files, not a
// socket: nothing to bind, works across users with access to the state dir, and
// an ack written a moment early is simply found on the next poll.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readStateFile, writeStateFile } from "../../core/state-file.ts";
import { environmentError, inputError } from "../../core/errors.ts";

export interface PublishedStep {
  id: string;
  text: string;
  role?: string;
}

export interface CurrentGameday {
  drillId: string;
  pid: number;
  steps: PublishedStep[];
  /** The step waiting for an acknowledgement now, if any. */
  waiting?: string;
}

export interface Ack {
  by?: string;
  note?: string;
  skip?: boolean;
  at: string;
}

const dirOf = (stateDir: string) => join(stateDir, "gameday");
const currentFile = (stateDir: string) => join(dirOf(stateDir), "current.json");
const ackFile = (stateDir: string, drillId: string, step: string) => join(dirOf(stateDir), drillId, `ack-${step}.json`);

const CurrentSchema: z.ZodType<CurrentGameday> = z.object({
  drillId: z.string(),
  pid: z.number().int(),
  steps: z.array(z.object({ id: z.string(), text: z.string(), role: z.string().optional() })),
  waiting: z.string().optional(),
});

const AckSchema: z.ZodType<Ack> = z.object({
  by: z.string().optional(),
  note: z.string().optional(),
  skip: z.boolean().optional(),
  at: z.string(),
});

export function publish(stateDir: string, current: CurrentGameday): void {
  mkdirSync(join(dirOf(stateDir), current.drillId), { recursive: true });
  writeStateFile(currentFile(stateDir), current);
}

export function unpublish(stateDir: string, drillId: string): void {
  const now = readCurrent(stateDir);
  if (now?.drillId === drillId) rmSync(currentFile(stateDir), { force: true });
  rmSync(join(dirOf(stateDir), drillId), { recursive: true, force: true });
}

export function readCurrent(stateDir: string): CurrentGameday | undefined {
  try {
    return readStateFile(currentFile(stateDir), CurrentSchema);
  } catch {
    return undefined;
  }
}

/** Take an acknowledgement if one was written (consumed once). */
export function takeAck(stateDir: string, drillId: string, step: string): Ack | undefined {
  const file = ackFile(stateDir, drillId, step);
  if (!existsSync(file)) return undefined;
  try {
    const ack = readStateFile(file, AckSchema);
    rmSync(file, { force: true });
    return ack;
  } catch {
    return undefined;
  }
}

/** `drill ack`: the step by id or by its number (1-based) in the running game day. */
export function writeAck(stateDir: string, stepRef: string, ack: Omit<Ack, "at">): { drillId: string; step: PublishedStep } {
  const current = readCurrent(stateDir);
  if (!current) throw environmentError(`no game day is running (nothing published in ${currentFile(stateDir)})`);
  const byNumber = /^\d+$/.test(stepRef) ? current.steps[Number(stepRef) - 1] : undefined;
  const step = byNumber ?? current.steps.find((s) => s.id === stepRef);
  if (!step) {
    throw inputError(`step "${stepRef}": not a step of the running game day (steps: ${current.steps.map((s, i) => `${i + 1}=${s.id}`).join(", ")})`);
  }
  writeStateFile(ackFile(stateDir, current.drillId, step.id), { ...ack, at: new Date().toISOString() });
  return { drillId: current.drillId, step };
}
