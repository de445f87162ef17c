// Where a plan comes from: a Pulumi program evaluated under mocks (the default:
// this repo's stacks), a plan JSON file, or a deployed stack's outputs.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PlanInputError, validatePlan, type PlanT } from "../../stacks/lib/index.ts";
import { inputError } from "../../core/errors.ts";
import { evaluateProgram } from "./mock-evaluate.ts";
import { findProgram, type PulumiProgram } from "./pulumi-project.ts";
import type { ResourceGraph } from "./resource-graph.ts";
import { deployedStackOutputs } from "./deployed.ts";
import { secretValues } from "./mask-secrets.ts";
import { secretPlaceholder } from "./pulumi-config.ts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PLAN_OUTPUT = "continuityPlan";

export interface PlanSource {
  /** A plan JSON file (e.g. from `pulumi stack output continuityPlan --json`). */
  plan?: string;
  /** A Pulumi program directory or entry file; default: this repo's stacks. */
  program?: string;
  /** Stack name for program config (Pulumi.<stack>.yaml); default "local". */
  stack?: string;
  /** A deployed stack, org/project/stack, read through the Pulumi CLI. */
  stackName?: string;
  /** `--config key=value` over the stack's config (--program only). */
  config?: Record<string, string>;
  /** `--stack-reference name=FILE`: outputs of other stacks (--program only). */
  stackReferences?: Record<string, string>;
}

export interface LoadedPlan {
  plan: PlanT;
  /** Present when the plan came from evaluating a program. */
  graph?: ResourceGraph;
  /** Where the plan came from, for messages and journals. */
  origin: string;
  /** The program's directory (scenarios are looked up beside it) when known. */
  programDir?: string;
  /** What mock evaluation could not see (unknown values, opaque components), for the user to read. */
  notes: string[];
  /**
   * Plaintexts of the program's secret config. The plan holds the real values
   * (the drill needs them); whatever prints the plan masks these (maskSecrets).
   */
  secrets?: string[];
}

export async function loadPlan(source: PlanSource = {}): Promise<LoadedPlan> {
  const given = [source.plan && "--plan", source.program && "--program", source.stackName && "--stack-name"].filter(Boolean);
  if (given.length > 1) throw inputError(`${given.join(" and ")} both name a plan: give one`);
  if (source.plan) return loadPlanFile(source.plan);
  if (source.stackName) {
    const outputs = await deployedStackOutputs(source.stackName, source.program ?? REPO_ROOT);
    return { plan: fromOutputs(outputs, `stack ${source.stackName}`), origin: `deployed stack ${source.stackName}`, notes: [] };
  }
  const { outputs, graph, notes, program } = await evaluate(source);
  return { plan: fromOutputs(outputs, program.entry, notes), graph, origin: originOf(program), programDir: program.projectDir, notes, secrets: secretsOf(program) };
}

export interface LoadedProgram extends Omit<LoadedPlan, "plan"> {
  /** Absent when the program exports no plan (yet): its infrastructure can still be checked. */
  plan?: PlanT;
}

/** Like loadPlan, but a program that exports no "continuityPlan" gives its resource graph alone. */
export async function loadPlanOrProgram(source: PlanSource = {}): Promise<LoadedProgram> {
  if (source.plan || source.stackName) return loadPlan(source);
  const { outputs, graph, notes, program } = await evaluate(source);
  const base = { graph, origin: originOf(program), programDir: program.projectDir, notes, secrets: secretsOf(program) };
  if (!(PLAN_OUTPUT in outputs) && !notes.some((n) => n.startsWith(`stack output "${PLAN_OUTPUT}"`))) return base;
  return { ...base, plan: fromOutputs(outputs, program.entry, notes) };
}

// A placeholder (a secret not decrypted) is ours, not the secret: it stays readable.
const secretsOf = (program: PulumiProgram) =>
  secretValues(program.config, (program.secretKeys ?? []).filter((k) => program.config[k] !== secretPlaceholder(k)));
const originOf = (program: PulumiProgram) => `${program.entry} (stack ${program.stack}, mock runtime)`;

async function evaluate(source: PlanSource) {
  const program = findProgram(source.program ?? REPO_ROOT, source.stack ?? "local", source.config);
  if (source.stackReferences) program.stackReferences = Object.fromEntries(Object.entries(source.stackReferences).map(([name, file]) => [name, resolve(file)]));
  return { ...(await evaluateProgram(program)), program };
}

function fromOutputs(outputs: Record<string, unknown>, where: string, notes: string[] = []): PlanT {
  if (notes.some((n) => n.startsWith(`stack output "${PLAN_OUTPUT}"`))) {
    throw inputError(`${where}: "${PLAN_OUTPUT}" is unknown under mocks, so there is no plan to read:\n  ${notes.join("\n  ")}`);
  }
  if (!(PLAN_OUTPUT in outputs) || outputs[PLAN_OUTPUT] === undefined) {
    const have = Object.keys(outputs);
    throw inputError(`${where}: exports no "${PLAN_OUTPUT}" stack output (exports: ${have.length ? have.join(", ") : "nothing"}). ` +
        `Add: export const ${PLAN_OUTPUT} = declarePlan([...services], { target: "self-managed" });`);
  }
  return validatePlan(outputs[PLAN_OUTPUT], where);
}

export function loadPlanFile(file: string): LoadedPlan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw inputError(`--plan: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, { field: "--plan" }, error);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError(`${file}: not valid JSON: ${(error as Error).message}`, { file }, error);
  }
  // `pulumi stack output --json` without a name gives all outputs; accept both shapes.
  if (value && typeof value === "object" && PLAN_OUTPUT in value) value = (value as Record<string, unknown>)[PLAN_OUTPUT];
  return { plan: validatePlan(value, file), origin: file, notes: [] };
}

export { PlanInputError };
