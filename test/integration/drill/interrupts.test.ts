// A drill never leaves a fault behind: Ctrl-C mid-drill heals and exits 3;
// after SIGKILL of the runner, `drill run` refuses to start until `drill recover`
// has healed the leftovers, after which nothing is stopped, no rule of ours is
// left and the env is at full redundancy.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { envStatus, listOurProcesses } from "../../../runners/env/index.ts";
import { readJournal } from "../../../journal/read.ts";
import { drill } from "../../support/cli.ts";
import { startDrill } from "../../support/drill-process.ts";

const journalsIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".jsonl")).map((e) => join(e.parentPath, e.name));
const stopped = () => listOurProcesses().filter((p) => p.state === "T" || p.state === "t");
const ourRules = () => execFileSync("iptables", ["-S"], { encoding: "utf8" }).split("\n").filter((l) => l.includes("drill:"));

describe("interrupting drills", () => {
  it("SIGINT during observe heals within 2 s, writes an interrupted journal and exits 3", async () => {
    const out = mkdtempSync(join(tmpdir(), "sigint-"));
    const run = startDrill(["run", "sessions-cache-hang", "--out", out, "--no-reports"]);
    await run.waitFor(/fault confirmed .*stopped/);
    expect(stopped().length).toBeGreaterThan(0);
    const sent = Date.now();
    run.child.kill("SIGINT");
    await run.waitFor(/heal ended/, 10_000);
    const healMs = Date.now() - sent;
    expect(await run.exited).toBe(3);
    expect(healMs).toBeLessThan(2_000);
    expect(stopped()).toEqual([]);
    const [journal] = journalsIn(out);
    expect(readJournal(journal!).summary?.outcome).toBe("interrupted");
    expect((await envStatus()).up).toBe(true);
  });

  it("SIGKILL mid-drill leaves a recorded fault; drill run refuses; drill recover heals everything", async () => {
    const out = mkdtempSync(join(tmpdir(), "sigkill-"));
    const run = startDrill(["run", "orders-db-partition", "--out", out, "--no-reports"]);
    await run.waitFor(/fault confirmed .*rule/);
    expect(ourRules().length).toBeGreaterThan(0);
    run.child.kill("SIGKILL");
    await run.exited;
    expect(ourRules().length).toBeGreaterThan(0);

    const refused = drill(["run", "web-node-loss", "--out", out, "--no-reports"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("drill recover");

    const recovered = drill(["recover", "--json"], { timeoutMs: 180_000 });
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(JSON.parse(recovered.stdout).healed.length).toBe(1);
    expect(ourRules()).toEqual([]);
    expect(stopped()).toEqual([]);
    expect((await envStatus()).up).toBe(true);
    const [journal] = journalsIn(out);
    const j = readJournal(journal!);
    // Killed before it could judge: recover appended the verdict.
    expect(j.summary).toMatchObject({ outcome: "interrupted", reason: expect.stringContaining("drill recover") });
    expect(j.records.some((r) => r.type === "fault" && r.event === "injected")).toBe(true);
  });
});
