// (e2e: the failing heal is a real `false` process.) A failed heal blocks drills on its system; the refusal and `drill recover`'s
// failure must say how to clear it: the command, what to check by hand (the
// recorded PIDs, rules, heal command) and the record to delete. Following the
// advice clears the block. Real fault journal, real failing heal command.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { howToClear, whatToCheck } from "../../../runners/drill/clear-advice.ts";
import { recover } from "../../../runners/drill/recover.ts";
import { runSession } from "../../../runners/drill/session.ts";
import { leftoverFaults, recordFault, type ActiveFault } from "../../../runners/faults/fault-journal.ts";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "clear-advice-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DEAD = { pid: 2_147_483_000, startTime: 1 };
const failingHeal = (id: string): ActiveFault => ({
  id, drillId: id.replace(/-f\d+$/, ""), kind: "command", description: "run [\"true\"] (heal: [\"false\"])", recordedAt: "2026-11-30T21:00:00.000Z", runner: DEAD,
  state: { inject: ["true"], heal: ["false"], timeoutMs: 5_000, env: {} },
});

describe("how to clear a fault whose heal failed", () => {
  it("drill recover names what to check and the record to delete; deleting it unblocks", async () => {
    recordFault(dir, failingHeal("d1-f0"));
    const report = await recover(dir, undefined);
    expect(report.failed).toHaveLength(1);
    expect(report.advice).toContain("`false`"); // the recorded heal command, to check by hand
    const record = join(dir, "faults", "d1-f0.json");
    expect(report.advice).toContain(`rm ${record}`);
    expect(existsSync(record)).toBe(true); // a failed heal stays recorded
    rmSync(record);
    expect(leftoverFaults(dir)).toEqual([]);
  });

  it("the refusal of a run names the command with the state directory it read", async () => {
    recordFault(dir, failingHeal("d2-f0"));
    const plan = { version: 1, project: "p", stack: "staging", target: "self-managed", services: [] } as never;
    const run = runSession({ drills: [], plan, stack: { name: "x" } as never, stateDir: dir, outDir: dir, repeat: 1, signal: new AbortController().signal, tool: { name: "t", version: "0" } });
    await expect(run).rejects.toThrow(`DRILL_STATE_DIR=${dir} drill recover`);
    await expect(run).rejects.toThrow(join(dir, "faults", "d2-f0.json"));
  });

  it("names the stopped PIDs of a pause and the firewall tag of a partition", () => {
    const pause = whatToCheck({ kind: "process.pause", state: { node: "pg-a", pid: 10, roots: [{ pid: 11 }, { pid: 12 }] } });
    expect(pause.join("\n")).toContain("kill -CONT");
    expect(pause.join("\n")).toContain("11, 12");
    const part = whatToCheck({ kind: "net.partition", state: { via: "firewall", tag: "d3-f0", node: "pg-a" } });
    expect(part.join("\n")).toContain("iptables -S | grep 'drill:d3-f0'");
    expect(howToClear([{ ...failingHeal("d4-f0") }], dir, { defaultStateDir: dir })).toMatch(/^To clear: run `drill recover`/);
  });
});
