// Game days on the real stack: an operator switches orders-db over by hand,
// following the runbook, and acknowledges the steps from another process with
// `drill ack` — and, in a second run, at the terminal prompt (tmux stands in for
// the operator's terminal). The measured RTO runs from the step being shown, so
// it includes the people.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { envStatus } from "../../../runners/env/index.ts";
import { readJournal } from "../../../journal/read.ts";
import type { StepRecordT } from "../../../journal/format.ts";
import { drill, REPO } from "../../support/cli.ts";
import { startDrill } from "../../support/drill-process.ts";

const MONITOR = "postgres://autoctl_node@127.0.0.1:15430/pg_auto_failover";
const switchover = () => execFileSync("runuser", ["-u", "postgres", "--", "pg_autoctl", "perform", "switchover", "--monitor", MONITOR], { encoding: "utf8", timeout: 90_000 });
const primary = async () => (await envStatus()).members.find((m) => m.service === "orders-db" && m.role === "primary")?.node;
const journalIn = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.name.endsWith(".jsonl")).map((e) => join(e.parentPath, e.name))[0]!;

describe("game day: manual switchover of orders-db", () => {
  it("steps acknowledged with drill ack from another process; RTO includes the people", async () => {
    const out = mkdtempSync(join(tmpdir(), "gameday-"));
    const before = await primary();
    const run = startDrill(["run", "gameday-orders-db-switchover", "--gameday", "--participant", "alice:dba,bob:sre", "--lessons", "switchover took longer than the runbook says", "--out", out, "--no-reports"]);
    await run.waitFor(/step switchover shown/);
    switchover();
    const ack1 = drill(["ack", "switchover", "--by", "alice", "--note", "ran pg_autoctl perform switchover"]);
    expect(ack1.code, ack1.stderr).toBe(0);
    await run.waitFor(/step confirm shown/);
    expect(drill(["ack", "2", "--by", "bob"]).code).toBe(0);
    expect(await run.exited, run.output().slice(-2000)).toBeLessThanOrEqual(1);
    expect(await primary()).not.toBe(before);

    const j = readJournal(journalIn(out));
    expect(j.started.gameday?.participants).toEqual([{ name: "alice", role: "dba" }, { name: "bob", role: "sre" }]);
    expect(j.summary?.steps).toMatchObject([{ step: "switchover", outcome: "acknowledged", by: "alice" }, { step: "confirm", outcome: "acknowledged", by: "bob" }]);
    expect(j.summary?.lessons).toEqual(["switchover took longer than the runbook says"]);
    // The switchover disrupted the writers; the clock ran from the step being shown.
    expect(j.summary?.service.rtoMs).toBeGreaterThan(0);
    const shown = j.records.find((r): r is StepRecordT => r.type === "step" && r.event === "shown");
    expect(j.summary?.t0).toBe(shown!.t);
  });

  it("a step answered at the terminal prompt (through a pseudo-terminal)", async () => {
    const out = mkdtempSync(join(tmpdir(), "gameday-tty-"));
    const session = `drill-gameday-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
    const cmd = `cd ${REPO} && NO_COLOR=1 node bin/drill.js run gameday-orders-db-switchover --gameday --participant carol:dba --lessons none --out ${out} --no-reports; echo EXIT=$? > ${out}/exit`;
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", cmd);
    try {
      const screen = () => tmux("capture-pane", "-p", "-t", session);
      const waitScreen = async (re: RegExp) => {
        for (let i = 0; i < 1200 && !re.test(screen()); i++) await new Promise((r) => setTimeout(r, 100));
        expect(screen()).toMatch(re);
      };
      await waitScreen(/Step 1\/2 \[dba\] Planned switchover by hand/);
      switchover();
      tmux("send-keys", "-t", session, "switched over from the terminal", "Enter");
      await waitScreen(/Step 2\/2/);
      tmux("send-keys", "-t", session, "s", "Enter");
      for (let i = 0; i < 1200; i++) {
        try {
          readFileSync(`${out}/exit`);
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      // The session ends by itself once the drill exits; kill it only if it is still there.
      try {
        execFileSync("tmux", ["kill-session", "-t", session], { stdio: "ignore" });
      } catch {
        /* already gone */
      }
    }
    const j = readJournal(journalIn(out));
    expect(j.summary?.steps).toMatchObject([
      { step: "switchover", outcome: "acknowledged", by: "carol", note: "switched over from the terminal" },
      { step: "confirm", outcome: "skipped", by: "carol" },
    ]);
  });

  it("rehearses without people: --auto-ack runs each step's command", async () => {
    const out = mkdtempSync(join(tmpdir(), "gameday-auto-"));
    const before = await primary();
    const r = drill(["run", "gameday-orders-db-switchover", "--auto-ack", "1s", "--out", out, "--no-reports", "--json"], { timeoutMs: 240_000 });
    expect(r.code, r.stderr.slice(-2000)).toBeLessThanOrEqual(1);
    const summary = JSON.parse(r.stdout).results[0].summary;
    expect(summary.steps).toMatchObject([{ step: "switchover", outcome: "acknowledged", by: "rehearsal" }, { step: "confirm", outcome: "acknowledged" }]);
    expect(await primary()).not.toBe(before);
  });
});
