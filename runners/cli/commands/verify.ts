// `drill verify`: static checks of the plan. Exit 0 clean, 1 when a finding has
// error severity, 2 when the plan cannot be read.
import { defineCommand } from "citty";
import type { Finding } from "../../verify/index.ts";
import { debugArg, jsonArg, planSourceArgs, planSourceOf } from "../args.ts";
import { eprintln, paint, printJson, println, table } from "../output.ts";
import { outcomeOfFindings, type CommandOutcome } from "../outcome.ts";

export const verifyCommand = defineCommand({
  meta: { name: "verify", description: "Check the plan: objectives, dependencies, scenario coverage, failover procedures (exit 1 on errors)" },
  args: {
    ...planSourceArgs,
    scenarios: { type: "string", description: "Scenario directory (default: scenarios/<stack> beside the program)", valueHint: "dir" },
    evidence: { type: "string", description: "Also judge readiness from the drill journals in DIR (freshness, gaps, reviews and actions: rules R1–R13)", valueHint: "dir" },
    ...jsonArg,
    ...debugArg,
  },
  async run({ args }): Promise<CommandOutcome> {
    const { loadPlanOrProgram, REPO_ROOT } = await import("../../plan/load.ts");
    const { scenarioFolder } = await import("../../scenarios/discover.ts");
    const { scenarioCoverage, verify, verifyInfrastructure } = await import("../../verify/index.ts");
    const found = await loadPlanOrProgram(planSourceOf(args));
    for (const note of found.notes) eprintln(paint.yellow(`note: ${note}`));
    if (!found.plan) return infrastructureOnly(verifyInfrastructure(found.graph ?? { resources: [] }), found.origin, found.graph?.resources.length ?? 0, args.json);
    const loaded = { ...found, plan: found.plan };
    // This repo's own stacks keep their scenarios in the repo; a user's beside their program.
    const folder = scenarioFolder(args.scenarios, loaded.programDir ?? (args.plan ? undefined : REPO_ROOT), loaded.plan.stack);
    const dir = folder.dir;
    const scenarios = await scenarioCoverage(dir, loaded.plan, loaded.origin);
    const findings = verify({ plan: loaded.plan, graph: loaded.graph, coverage: scenarios.coverage, scenarioFindings: scenarios.findings });
    if (!folder.exists) findings.unshift({ rule: "S0", severity: "warning", message: `no scenario folder at ${dir}: write scenarios there, or give --scenarios DIR` });
    if (args.evidence) {
      const { readinessFindings, readEvidence, readFollowups } = await import("../../../reports/index.ts");
      const evidence = await readEvidence([args.evidence]);
      findings.push(...readinessFindings(loaded.plan, evidence, new Date(), await readFollowups(evidence.journals)));
    }
    const errors = findings.filter((f) => f.severity === "error").length;
    if (args.json) printJson({ plan: `${loaded.plan.project}/${loaded.plan.stack}`, origin: loaded.origin, scenarios: dir, errors, findings });
    else printFindings(findings, errors, `plan ${loaded.plan.project}/${loaded.plan.stack} from ${loaded.origin}; scenarios from ${dir}`, loaded.plan.services.length);
    return outcomeOfFindings(errors);
  },
});

const HOW_TO_ADD_A_PLAN = [
  "This program exports no continuityPlan, so only its infrastructure was checked. To declare the plan beside it:",
  "  npm i -D continuity-drill",
  '  import { CriticalService, declarePlan } from "continuity-drill/stacks";',
  '  const orders = new CriticalService("orders", { tier: 1, owner: "team", objectives: { rto: "5m", rpo: "1m" }, endpoints: { primary: db.endpoint }, hazards: [...] });',
  '  export const continuityPlan = declarePlan([orders], { target: "aws" });',
].join("\n");

/** `drill verify` on a program without a plan: the infrastructure rules, and how to add a plan. */
function printFindings(findings: Finding[], errors: number, header: string, services: number): void {
  println(paint.dim(header));
  if (findings.length === 0) return println(paint.green(`✓ no findings: ${services} services checked`));
  println(findingsTable(findings));
  println();
  println(`${errors ? paint.red(`${errors} error(s)`) : paint.green("0 errors")}, ${findings.length - errors} warning(s)`);
}

function infrastructureOnly(findings: Finding[], origin: string, resources: number, json: boolean): CommandOutcome {
  const errors = findings.filter((f) => f.severity === "error").length;
  if (json) {
    printJson({ plan: null, origin, resources, errors, findings, hint: HOW_TO_ADD_A_PLAN });
    return outcomeOfFindings(errors);
  }
  println(paint.dim(`${resources} resources from ${origin}; no continuityPlan exported`));
  if (findings.length === 0) println(paint.green("✓ no infrastructure findings"));
  else {
    println(findingsTable(findings));
    println();
    println(`${errors ? paint.red(`${errors} error(s)`) : paint.green("0 errors")}, ${findings.length - errors} warning(s)`);
  }
  println();
  println(HOW_TO_ADD_A_PLAN);
  return outcomeOfFindings(errors);
}

function findingsTable(findings: Finding[]): string {
  const sev = (s: Finding["severity"]) => (s === "error" ? paint.red(s) : s === "warning" ? paint.yellow(s) : s);
  return table(
    ["RULE", "SEVERITY", "WHERE", "FINDING"],
    findings.map((f) => [f.rule, sev(f.severity), [f.service, f.field, f.resource, f.scenario].filter(Boolean).join(" ") || "—", f.message]),
  );
}
