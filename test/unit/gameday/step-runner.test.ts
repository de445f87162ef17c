// Manual steps: acknowledged through the file channel `drill ack` uses, timed
// out and skipped — each a journal record (rehearsal runs a real command: test/e2e/gameday).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { readCurrent, writeAck } from "../../../runners/gameday/acks.ts";
import { runSteps, type PlannedStep } from "../../../runners/gameday/step-runner.ts";
import type { StepRecordT } from "../../../journal/format.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(steps: PlannedStep[], extra: { autoAckMs?: number } = {}) {
  const stateDir = mkdtempSync(join(tmpdir(), "gameday-"));
  dirs.push(stateDir);
  const records: StepRecordT[] = [];
  const options = { drillId: "d1", stateDir, clock: monotonicClock(), emit: (r: StepRecordT) => records.push(r), signal: new AbortController().signal, all: steps, ...extra };
  return { stateDir, records, options };
}
const step = (id: string, timeLimitMs = 5_000, more: Partial<PlannedStep> = {}): PlannedStep => ({ id, text: `do ${id}`, role: "dba", at: "after-inject", timeLimitMs, ...more });

describe("manual steps", () => {
  it("are acknowledged from another shell through the published game day, by id or number", async () => {
    const steps = [step("promote"), step("confirm")];
    const { stateDir, records, options } = setup(steps);
    const run = runSteps(steps, options);
    await vi.waitFor(() => expect(readCurrent(stateDir)).toMatchObject({ drillId: "d1", waiting: "promote" }), { timeout: 5_000, interval: 10 });
    await new Promise((r) => setTimeout(r, 100)); // the operator takes 100 ms: the step's measured duration
    writeAck(stateDir, "promote", { by: "alice", note: "promoted node-b" });
    await vi.waitFor(() => expect(readCurrent(stateDir)).toMatchObject({ waiting: "confirm" }), { timeout: 5_000, interval: 10 });
    writeAck(stateDir, "2", { by: "bob", skip: true });
    const outcomes = await run;
    expect(outcomes).toMatchObject([
      { step: "promote", outcome: "acknowledged", by: "alice", note: "promoted node-b" },
      { step: "confirm", outcome: "skipped", by: "bob" },
    ]);
    expect(outcomes[0]!.durationMs).toBeGreaterThanOrEqual(100);
    expect(records.map((r) => `${r.step}:${r.event}`)).toEqual(["promote:shown", "promote:acknowledged", "confirm:shown", "confirm:skipped"]);
  });

  it("names the steps when an unknown one is acknowledged", () => {
    const steps = [step("promote")];
    const { stateDir } = setup(steps);
    expect(() => writeAck(stateDir, "x", {})).toThrow(/no game day is running/);
  });

  it("times out at the step's limit", async () => {
    const steps = [step("slow", 300)];
    const { records, options } = setup(steps);
    const [out] = await runSteps(steps, options);
    expect(out).toMatchObject({ outcome: "timed-out" });
    expect(out!.durationMs).toBeGreaterThanOrEqual(290);
    expect(records.at(-1)).toMatchObject({ event: "timed-out" });
  });
});
