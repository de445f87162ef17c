// A game day rehearsed without people: each manual step's `rehearse` command
// runs for real (a child process) in the operator's place and acknowledges it;
// a failing command is recorded as skipped with its exit status and stderr.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { monotonicClock } from "../../../core/clock.ts";
import { runSteps, type PlannedStep } from "../../../runners/gameday/step-runner.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(steps: PlannedStep[], extra: { autoAckMs?: number } = {}) {
  const stateDir = mkdtempSync(join(tmpdir(), "gameday-"));
  dirs.push(stateDir);
  return { options: { drillId: "d1", stateDir, clock: monotonicClock(), emit: () => undefined, signal: new AbortController().signal, all: steps, ...extra } };
}
const step = (id: string, timeLimitMs = 5_000, more: Partial<PlannedStep> = {}): PlannedStep => ({ id, text: `do ${id}`, role: "dba", at: "after-inject", timeLimitMs, ...more });

describe("manual steps, rehearsed", () => {
  it("rehearses: runs the step's command and acknowledges; a failing command is recorded as skipped", async () => {
    const steps = [step("ok", 5_000, { rehearse: ["sh", "-c", "exit 0"] }), step("bad", 5_000, { rehearse: ["sh", "-c", "echo broken >&2; exit 4"] })];
    const { options } = setup(steps, { autoAckMs: 50 });
    const outcomes = await runSteps(steps, options);
    expect(outcomes[0]).toMatchObject({ outcome: "acknowledged", by: "rehearsal" });
    expect(outcomes[1]).toMatchObject({ outcome: "skipped", by: "rehearsal" });
    expect(outcomes[1]!.note).toMatch(/exit 4.*broken/);
  });
});
