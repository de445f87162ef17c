// `drill run <scenario…> | --all`: run drills, write journals and reports, print
// a table of what was measured against the plan. Exit 0 all objectives met, 1
// an objective missed (or not shown to be met), 2 bad input, 3 could not run.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { userInfo } from "node:os";
import { defineCommand } from "citty";
import { inputError } from "../../../core/errors.ts";
import { debugArg, jsonArg, planSourceArgs, planSourceOf } from "../args.ts";
import { interruptSignals } from "../interrupt.ts";
import { printJson, progress } from "../output.ts";
import { outcomeOfDrills, outcomeOfGate, type CommandOutcome } from "../outcome.ts";

type RunArgs = {
  scenarios?: string; _: string[]; all: boolean; repeat: string; gate?: string; out: string; reports: boolean; json: boolean;
  gameday: boolean; due?: boolean; evidence?: string; "allow-degraded"?: boolean; "dry-run": boolean; participant?: string; "auto-ack"?: string; lessons?: string; stack?: string; program?: string; plan?: string; "stack-name"?: string;
};

export const runCommand = defineCommand({
  meta: { name: "run", description: "Run drills: inject faults, measure client-observed recovery and data loss, judge against the plan" },
  args: {
    scenarios: { type: "positional", required: false, description: "Scenario names (scenarios/<stack>/NAME.ts) or files", valueHint: "scenario" },
    all: { type: "boolean", description: "Run every scenario of the stack", default: false },
    due: { type: "boolean", description: "Run the scenarios due by the plan's schedule (never exercised, older than exerciseEvery, or the plan changed since), judged from --evidence", default: false }, evidence: { type: "string", description: "With --due: the evidence to judge from (default: --out)", valueHint: "dir" },
    ...planSourceArgs,
    repeat: { type: "string", description: "Run each scenario N times (redundancy restored in between)", default: "1", valueHint: "N" },
    gate: { type: "string", description: "Gate on a statistic of the repeated runs' RTO and data-loss window: p95 or max", valueHint: "p95|max" },
    out: { type: "string", description: "Evidence directory for journals and reports", default: "evidence", valueHint: "dir" },
    reports: { type: "boolean", description: "Write HTML, Markdown, JSON and JUnit reports after the run (--no-reports to skip)", default: true },
    "dry-run": { type: "boolean", description: "Validate the scenarios, resolve their targets and print what would be injected, probed and written; touch nothing", default: false },
    gameday: { type: "boolean", description: "A game day: operators perform the scenarios' manual steps; records participants and lessons", default: false },
    participant: { type: "string", description: "Who takes part (recorded in every drill's exercise record; default: your user name), NAME or NAME:ROLE, comma-separated", valueHint: "names" },
    "auto-ack": { type: "string", description: "Rehearse without people: acknowledge each manual step after this long (e.g. 2s), running its rehearse command", valueHint: "duration" },
    lessons: { type: "string", description: "Lessons learned to record (otherwise asked at the terminal after a game day)", valueHint: "text" },
    "allow-degraded": { type: "boolean", description: "Inject even into a system below full redundancy (recorded in the journal); default: such a drill is not started", default: false },
    ...jsonArg,
    ...debugArg,
  },
  async run({ args }) {
    // Ctrl-C from the first moment: while the plan loads it simply stops the run (exit 3).
    const signals = interruptSignals();
    try {
      return await runDrills(args, signals);
    } finally {
      signals.dispose();
    }
  },
});

async function runDrills(args: RunArgs, signals: ReturnType<typeof interruptSignals>): Promise<CommandOutcome> {
  const repeat = Number(args.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 1000) throw inputError(`--repeat: "${args.repeat}" is not a whole number from 1 to 1000`, { field: "--repeat" });
  const { parseStatistic, printGateReport } = await import("./gate.ts");
  const statistic = args.gate === undefined ? undefined : parseStatistic(args.gate);
  const { loadPlan, REPO_ROOT } = await import("../../plan/load.ts");
  const { listScenarioFiles, scenarioFolder } = await import("../../scenarios/discover.ts");
  const { prepareDrill } = await import("../../drill/prepare.ts");
  const loaded = await loadPlan(planSourceOf(args));
  const { dir } = scenarioFolder(undefined, loaded.programDir ?? (args.plan ? undefined : REPO_ROOT), loaded.plan.stack);
  const names = [args.scenarios, ...args._.slice(1)].filter((x): x is string => typeof x === "string" && x !== "run");
  const files = args.all || args.due ? listScenarioFiles(dir) : names.map((n) => scenarioFile(n, dir));
  if (files.length === 0) throw inputError(args.all ? `no scenarios in ${dir}` : "name at least one scenario, or use --all");
  let drills = [];
  for (const f of files) drills.push(await prepareDrill(f, loaded.plan, loaded.origin));
  // --all is unattended: game days (scenarios with manual steps) need people, or --gameday/--auto-ack.
  if ((args.all || args.due) && !args.gameday && args["auto-ack"] === undefined && !args["dry-run"]) drills = drills.filter((d) => d.steps.length === 0);
  if (args.due && (drills = await (await import("../due.ts")).selectDue(drills, loaded.plan, resolve(args.evidence ?? args.out))).length === 0) return "met"; // nothing due: nothing missed
  if (args["dry-run"]) {
    const { dryRun, dryRunText } = await import("../../scenarios/dry-run.ts");
    const planned = await dryRun(drills, resolve(args.out));
    if (args.json) printJson({ dryRun: true, drills: planned });
    else process.stdout.write(`${dryRunText(planned)}\n`);
    return "met";
  }

  const { runSession } = await import("../../drill/session.ts");
  const { stackFor, toolInfo } = await import("../stack.ts");
  const { progressDisplay } = await import("../progress-display.ts");
  const gameday = await gamedayOptions(args, drills);
  if (signals.soft.aborted) {
    process.stderr.write("interrupted before any drill started\n");
    return "could-not-run";
  }
  const results = await runSession({
    drills, plan: loaded.plan, stack: stackFor(loaded.plan), stateDir: (await import("../../env/paths.ts")).stateRoot(),
    outDir: resolve(args.out), repeat, signal: signals.soft, hardSignal: signals.hard, tool: toolInfo(),
    subscribers: args.json ? [] : [progressDisplay()], onProgress: progress, ...(gameday ? { gameday } : {}),
    programDir: loaded.programDir ?? (args.plan ? dirname(resolve(args.plan)) : undefined),
    ...(args["allow-degraded"] ? { allowDegraded: true } : {}), ...(args.participant ? { participants: (await import("../../drill/started-record.ts")).parseParticipants(args.participant) } : {}),
  });
  const { printResults, writeRunReports } = await import("../run-results.ts");
  const reports = args.reports ? await writeRunReports(results, resolve(args.out)) : [];
  const gated = statistic && results.length ? await (await import("../../gate/index.ts")).gateJournalFiles(results.map((r) => r.journal), { statistic, expect: repeat }) : undefined;
  if (args.json) printJson({ results: results.map((r) => ({ scenario: r.drill.name, journal: r.journal, repeat: r.repeat, summary: r.summary })), reports, ...(gated ? { gate: gated } : {}) });
  else {
    printResults(results, reports);
    if (gated) printGateReport(gated);
  }
  // With --gate the chosen statistic decides, not each single run.
  return signals.soft.aborted ? "could-not-run" : gated ? outcomeOfGate(gated.status) : outcomeOfDrills(results);
}

async function gamedayOptions(args: { gameday?: boolean; participant?: string; "auto-ack"?: string; lessons?: string }, drills: { steps: unknown[]; name: string }[]) {
  const withSteps = drills.filter((d) => d.steps.length > 0);
  if (!args.gameday) {
    if (withSteps.length && args["auto-ack"] === undefined && !process.stdin.isTTY) {
      throw inputError(`${withSteps.map((d) => d.name).join(", ")} ha${withSteps.length > 1 ? "ve" : "s"} manual steps: run with --gameday at a terminal, or rehearse with --auto-ack DURATION`);
    }
  }
  const { isDuration, parseDuration } = await import("../../../stacks/lib/index.ts");
  const autoAck = args["auto-ack"];
  if (autoAck !== undefined && !isDuration(autoAck)) throw inputError(`--auto-ack: "${autoAck}" is not a duration such as "2s"`, { field: "--auto-ack" });
  if (!args.gameday && !withSteps.length) return undefined;
  const participants = (args.participant ?? userInfo().username).split(",").map((p) => p.trim()).filter(Boolean).map((p) => {
    const [name, role] = p.split(":");
    return { name: name!, ...(role ? { role } : {}) };
  });
  const { terminalPrompter, terminalLessons } = await import("../step-prompt.ts");
  const by = participants[0]?.name ?? userInfo().username;
  const fixedLessons = args.lessons ? [args.lessons] : undefined;
  return {
    participants,
    ...(autoAck !== undefined ? { autoAckMs: parseDuration(autoAck) } : { prompt: terminalPrompter(by) }),
    lessons: fixedLessons ? async () => fixedLessons : args.gameday && autoAck === undefined ? terminalLessons() : undefined,
  };
}

function scenarioFile(name: string, dir: string): string {
  if (existsSync(name)) return resolve(name);
  for (const ext of [".ts", ".mts", ".js", ".mjs"]) if (existsSync(join(dir, `${name}${ext}`))) return join(dir, `${name}${ext}`);
  throw inputError(`scenario "${name}": no such file, and no ${name}.ts in ${dir}`);
}
