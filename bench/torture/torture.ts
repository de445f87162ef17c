// Interrupt and crash torture: drills on the local stack, each interrupted at a
// random moment — half by SIGINT, half by SIGKILL of the runner followed by
// `drill recover` — and after each, the checks a reviewer would make: no stopped
// process, no rule or proxy fault of ours left, full redundancy, and a readable
// journal marked interrupted (or a finished one, when the drill beat the signal).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { envStatus, listOurProcesses } from "../../runners/env/index.ts";
import { readJournal } from "../../journal/read.ts";
import { startDrill } from "../../test/support/drill-process.ts";

export interface TortureReport {
  runs: number;
  sigint: number;
  sigkill: number;
  /** Drills that finished before their signal arrived. */
  finishedFirst: number;
  /** Drills signalled after they had judged, while closing their clients: their journal keeps its verdict. */
  judgedFirst: number;
  leftovers: string[];
  maxHealAfterSigintMs: number;
  journalsUnreadable: number;
}

const SCENARIOS = ["sessions-cache-hang", "orders-db-partition", "sessions-cache-node-loss", "orders-db-node-loss", "web-node-loss", "web-dependency-latency"];
const stopped = () => listOurProcesses().filter((p) => p.state === "T" || p.state === "t").map((p) => `stopped pid ${p.pid} ${p.cmdline.slice(0, 60)}`);
const rules = () => execFileSync("iptables", ["-S"], { encoding: "utf8" }).split("\n").filter((l) => l.includes("drill:"));
const BIN = new URL("../../bin/drill.js", import.meta.url).pathname;
const JUDGED_BEFORE_SIGNAL = /judge ended[^\n]*: (passed|failed|inconclusive|not-started|error)\b/;

async function proxyFaults(): Promise<string[]> {
  try {
    const body = (await (await fetch("http://127.0.0.1:18095/proxies", { signal: AbortSignal.timeout(2_000) })).json()) as { proxies: { name: string; mode: { kind: string } }[] };
    return body.proxies.filter((p) => p.mode.kind !== "pass").map((p) => `proxy ${p.name} left in ${p.mode.kind}`);
  } catch {
    return [];
  }
}

async function fullRedundancy(boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if ((await envStatus()).up) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

export async function torture(runs: number, say: (m: string) => void = () => {}, seed = Date.now()): Promise<TortureReport> {
  let rnd = seed % 2147483647 || 1;
  const random = () => ((rnd = (rnd * 16807) % 2147483647) - 1) / 2147483646;
  const report: TortureReport = { runs, sigint: 0, sigkill: 0, finishedFirst: 0, judgedFirst: 0, leftovers: [], maxHealAfterSigintMs: 0, journalsUnreadable: 0 };
  for (let i = 0; i < runs; i++) {
    const scenario = SCENARIOS[i % SCENARIOS.length]!;
    const kill = i % 2 === 1;
    const delayMs = 1_000 + Math.floor(random() * 20_000);
    const out = mkdtempSync(join(tmpdir(), "torture-"));
    const run = startDrill(["run", scenario, "--out", out, "--no-reports"]);
    await Promise.race([new Promise((r) => setTimeout(r, delayMs)), run.exited]);
    const finished = run.child.exitCode !== null;
    if (finished) report.finishedFirst += 1;
    else if (kill) {
      report.sigkill += 1;
      run.child.kill("SIGKILL");
      await run.exited;
      const r = spawnSync(process.execPath, [BIN, "recover"], { encoding: "utf8", timeout: 180_000 });
      if (r.status !== 0) report.leftovers.push(`run ${i}: drill recover exited ${r.status}: ${r.stderr.slice(-300)}`);
    } else {
      report.sigint += 1;
      const sent = Date.now();
      run.child.kill("SIGINT");
      try {
        await run.waitFor(/heal (ended|failed)/, 10_000);
        report.maxHealAfterSigintMs = Math.max(report.maxHealAfterSigintMs, Date.now() - sent);
      } catch {
        // interrupted before any fault: nothing to heal, no heal line
      }
      const code = await run.exited;
      if (code !== 3 && code !== 0 && code !== 1) report.leftovers.push(`run ${i}: SIGINT exit ${code}`);
    }
    // A drill may finish judging between our look and the signal (closing its
    // clients takes up to 5 s more): its journal then rightly carries its
    // verdict. Progress lines reach the pipe before the summary reaches the
    // journal, so the full output after exit tells — a judge line with a
    // verdict other than "interrupted" (which an interrupted drill prints too).
    await closed(run);
    const judged = !finished && JUDGED_BEFORE_SIGNAL.test(run.output());
    if (judged) report.judgedFirst += 1;
    const found = [...stopped(), ...rules(), ...(await proxyFaults())];
    if (!(await fullRedundancy(120_000))) found.push("not at full redundancy within 120 s");
    report.leftovers.push(...found.map((f) => `run ${i} (${scenario}, ${finished ? "finished" : kill ? "SIGKILL" : "SIGINT"} at ${delayMs} ms): ${f}`));
    const journals = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.name.endsWith(".jsonl"));
    for (const j of journals) {
      try {
        const journal = readJournal(join(j.parentPath, j.name));
        if (!finished && !judged && journal.summary?.outcome !== "interrupted" && journal.summary !== undefined) report.leftovers.push(`run ${i}: journal says ${journal.summary.outcome}, not interrupted`);
        if (!finished && journal.summary === undefined) report.leftovers.push(`run ${i}: journal not marked interrupted`);
      } catch {
        report.journalsUnreadable += 1;
      }
    }
    rmSync(out, { recursive: true, force: true });
    say(`run ${i + 1}/${runs}: ${scenario}, ${finished ? "finished first" : kill ? "SIGKILL + recover" : "SIGINT"} at ${delayMs} ms${judged ? " (after judging)" : ""}${found.length ? ` — LEFTOVERS: ${found.join("; ")}` : ""}`);
  }
  return report;
}

/** Until the child's output pipes are drained, not just until it exited. */
function closed(run: ReturnType<typeof startDrill>): Promise<void> {
  const { child } = run;
  if (child.stdout!.readableEnded && child.stderr!.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("close", () => resolve());
    setTimeout(resolve, 2_000).unref();
  });
}
