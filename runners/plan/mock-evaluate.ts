// Evaluating a Pulumi program in this process under Pulumi's mock runtime: no
// Pulumi CLI, no engine, no credentials. Resources are "created" by the mock,
// which records their inputs; a stack transformation records parents and
// dependencies. The program's exports are its stack outputs.
//
// The Pulumi runtime is process-global: evaluate one program per process (the
// CLI does) or reset the module registry between evaluations (tests do).
import { pathToFileURL } from "node:url";
import type * as Pulumi from "@pulumi/pulumi";
import { kindOf, inputError } from "../../core/errors.ts";
import { CRITICAL_SERVICE_TYPE } from "../../stacks/lib/critical-service.ts";
import { pulumiRuntimeFor, type PulumiModule } from "./pulumi-runtime.ts";
import type { PulumiProgram } from "./pulumi-project.ts";
import type { ResourceGraph, ResourceNode } from "./resource-graph.ts";
import { installFallbackResolution } from "./fallback-resolve.ts";
import { providerMocks, type MockNotices, type Recorder } from "./mocks.ts";

export interface Evaluation {
  /** Stack outputs, resolved; an output that stays unknown under mocks is left out and named in `notes`. */
  outputs: Record<string, unknown>;
  graph: ResourceGraph;
  /** What the mocks could not see or answer truthfully (unknown values, stack references, components). */
  notes: string[];
}

// The program's own @pulumi/pulumi, set once per process by evaluateOnce.
let pulumi: PulumiModule;
type Resource = Pulumi.Resource;

interface Pending {
  resource: Resource;
  type: string;
  name: string;
  custom: boolean;
  parent?: Resource;
  dependsOn: Resource[];
  implicit: Promise<Set<Resource>>[];
}

const urnOf = (r: Resource) => new Promise<string>((ok) => r.urn.apply(ok));
const UNRESOLVED = Symbol("unknown under mocks");
/** An output's value, or UNRESOLVED when it is unknown (its apply callbacks would never run). */
async function resolveOutput(value: unknown): Promise<unknown> {
  const output = pulumi.output(value as Pulumi.Input<unknown>) as Pulumi.Output<unknown> & { isKnown: Promise<boolean> };
  if (!(await output.isKnown)) return UNRESOLVED;
  return new Promise<unknown>((ok) => output.apply(ok));
}

/** Outputs nested in a resource's props point to the resources they come from. */
function outputSources(value: unknown, out: Promise<Set<Resource>>[], depth = 0): void {
  if (depth > 8 || value === null || typeof value !== "object") return;
  if (pulumi.Output.isInstance(value)) {
    // A Set in current @pulumi/pulumi, a promise of one in older releases: accept both.
    const resources = (value as unknown as { resources?: () => Set<Resource> | Promise<Set<Resource>> }).resources;
    if (typeof resources === "function") out.push(Promise.resolve(resources.call(value)));
    return;
  }
  for (const v of Object.values(value)) outputSources(v, out, depth + 1);
}

// A program's modules are cached after the first import: evaluating it again in
// the same process would register no resources. So each evaluation is kept, and
// a second caller (say `drill run` loading the plan, then `drill env` reading the
// graph) gets the first one's result.
const evaluations = new Map<string, Promise<Evaluation>>();

export function evaluateProgram(program: PulumiProgram): Promise<Evaluation> {
  const key = JSON.stringify([program.entry, program.stack, program.config]);
  let evaluation = evaluations.get(key);
  if (!evaluation) {
    evaluation = evaluateOnce(program);
    evaluations.set(key, evaluation);
  }
  return evaluation;
}

async function evaluateOnce(program: PulumiProgram): Promise<Evaluation> {
  installFallbackResolution();
  ({ pulumi } = pulumiRuntimeFor(program.entry));
  const inputs = new Map<string, { inputs: Record<string, unknown>; custom: boolean }>();
  const pending: Pending[] = [];
  const notices: MockNotices = { notes: [] };
  const propKeys = new Map<string, string[]>();
  // @pulumi/aws refuses to work without a region; a deployment would take it from the environment.
  const envRegion = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  const assumedRegion = program.config["aws:region"] === undefined && !envRegion;
  if (program.config["aws:region"] === undefined) program.config["aws:region"] = envRegion ?? "us-east-1";
  pulumi.runtime.setAllConfig(program.config, program.secretKeys);
  const record: Recorder = (type, name, recorded) => inputs.set(`${type}::${name}`, recorded);
  await pulumi.runtime.setMocks(providerMocks(program, record, notices, propKeys), program.project, program.stack, true);

  let exports: Record<string, unknown> = {};
  // A program that throws rejects promises inside Pulumi's Stack that nobody
  // awaits; without this they would crash the process with a raw stack trace.
  const stray: unknown[] = [];
  const onStray = (reason: unknown) => void stray.push(reason);
  process.on("unhandledRejection", onStray);
  // Relative paths in the program (readFileSync("motd.txt")) mean its own folder, as under `pulumi up`.
  const cwd = process.cwd();
  process.chdir(program.projectDir);
  try {
    await untilSettled(program, pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        const implicit: Promise<Set<Resource>>[] = [];
        outputSources(args.props, implicit);
        // Generated SDKs list output-only attributes as undefined props: the mocks fill those.
        propKeys.set(`${args.type}::${args.name}`, Object.keys(args.props));
        const dependsOn = Array.isArray(args.opts.dependsOn) ? (args.opts.dependsOn as Resource[]) : [];
        pending.push({ resource: args.resource, type: args.type, name: args.name, custom: pulumi.CustomResource.isInstance(args.resource), parent: args.opts.parent, dependsOn, implicit });
        return undefined;
      });
      exports = await stackOutputsOf((await import(pathToFileURL(program.entry).href)) as Record<string, unknown>);
      return exports;
    }));
  } catch (error) {
    throw programError(program, error);
  } finally {
    await new Promise((ok) => setImmediate(ok));
    process.off("unhandledRejection", onStray);
    process.chdir(cwd);
  }
  if (stray.length > 0) throw programError(program, stray[0]);

  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(exports)) {
    try {
      const resolved = await untilSettled(program, resolveOutput(value), `stack output "${key}"`);
      if (resolved === UNRESOLVED) notices.notes.push(`stack output "${key}" is unknown under mocks (it is computed from a value only a deployment knows)`);
      else outputs[key] = resolved;
    } catch (error) {
      throw programError(program, error);
    }
  }
  // A resource whose registration never completes (Pulumi gave up on it, e.g. a
  // closure it could not serialise) has a URN that never resolves: name them.
  const waiting = new Set(pending.map((p) => `${p.type} "${p.name}"`));
  const graph = toNodes(pending, inputs, (p) => waiting.delete(`${p.type} "${p.name}"`));
  const resources = await untilSettled(program, graph, () => `the resource graph (awaiting the URN of ${[...waiting].slice(0, 5).join(", ")}${waiting.size > 5 ? ` and ${waiting.size - 5} more` : ""})`);
  if (assumedRegion && resources.some((r) => r.type.startsWith("aws:"))) notices.notes.push("aws:region is not set: the mocks assume us-east-1 (set it with --config aws:region=…)");
  return { outputs, graph: { resources }, notes: [...(program.notes ?? []), ...notices.notes, ...componentNotes(resources), ...readNotes(resources)] };
}

/**
 * A program's stack outputs, in every shape Pulumi's nodejs runtime accepts:
 * ES named exports, CommonJS `exports.x = …` (seen as `default` when imported),
 * and `export = async () => ({ … })` / `export default` of a function or object,
 * which Pulumi calls and awaits.
 */
async function stackOutputsOf(module: Record<string, unknown>): Promise<Record<string, unknown>> {
  const named = Object.fromEntries(Object.entries(module).filter(([k]) => k !== "default" && k !== "__esModule" && k !== "module.exports"));
  let main = module.default;
  if (main && typeof main === "object" && "default" in main && Object.keys(named).length === 0) main = (main as { default: unknown }).default ?? main;
  if (typeof main === "function") main = await (main as () => unknown)();
  else main = await main;
  if (main && typeof main === "object" && !Array.isArray(main)) return { ...(main as Record<string, unknown>), ...named };
  return named;
}

/**
 * `work`, or an error saying what never settled when the event loop runs dry
 * before it does. Without this, Node ends the process with code 13 and no word
 * (a top-level await that can never finish: an Output the program awaits that
 * no mock, resource or promise will ever resolve).
 */
function untilSettled<T>(program: PulumiProgram, work: Promise<T>, what: string | (() => string) = "the program"): Promise<T> {
  return new Promise<T>((ok, fail) => {
    const idle = () =>
      fail(inputError(`${program.entry}: ${typeof what === "function" ? what() : what} never finished under the mock runtime: it awaits a value nothing will ever resolve (a resource of another @pulumi/pulumi copy, or a promise the program never settles)`, { file: program.entry }));
    process.once("beforeExit", idle);
    work.then(ok, fail).finally(() => process.off("beforeExit", idle));
  });
}

async function toNodes(
  pending: Pending[],
  inputs: Map<string, { inputs: Record<string, unknown>; custom: boolean; read?: boolean }>,
  done: (p: Pending) => void = () => {},
): Promise<ResourceNode[]> {
  return Promise.all(
    pending.map(async (p) => {
      // A CriticalService's endpoints (db.address …) tie it to the resources they come from, like dependsOn does.
      const entry = (p.resource as unknown as { entry?: unknown }).entry;
      if (p.type === CRITICAL_SERVICE_TYPE && entry) outputSources({ entry }, p.implicit);
      const implicit = (await Promise.all(p.implicit.map((s) => s.catch(() => new Set<Resource>())))).flatMap((s) => [...s]);
      const deps = new Set(await Promise.all([...p.dependsOn, ...implicit].map(urnOf)));
      const parent = p.parent ? await urnOf(p.parent) : undefined;
      const node: ResourceNode = {
        urn: await urnOf(p.resource),
        type: p.type,
        name: p.name,
        dependencies: [...deps].sort(),
        inputs: inputs.get(`${p.type}::${p.name}`)?.inputs ?? {},
        custom: p.custom,
      };
      if (parent && !isRootStack(parent)) node.parent = parent;
      if (inputs.get(`${p.type}::${p.name}`)?.read) node.read = true;
      done(p);
      return node;
    }),
  );
}

const isRootStack = (urn: string) => urn.includes(`::${pulumi.runtime.rootPulumiStackTypeName}::`);

/** A program that throws is bad input: name the file, keep our own errors' detail. */
function programError(program: PulumiProgram, error: unknown): Error {
  if (kindOf(error) !== "internal") return error as Error;
  const message = error instanceof Error ? error.message : String(error);
  const hint = /require\(\)|ERR_REQUIRE|Top-level await/.test(message)
    ? ' (programs are loaded as ES modules: add "type": "module" to the package.json beside the program, or name it index.mts)'
    : "";
  return inputError(`${program.entry}: the Pulumi program failed under the mock runtime: ${message}${hint}`, { file: program.entry }, error);
}

/** Multi-language components (awsx, eks …) are one opaque resource under mocks: say so. */
function componentNotes(resources: ResourceNode[]): string[] {
  const opaque = resources.filter((r) => !r.custom && /^(awsx|eks|aws-native|kubernetes|awsx-classic):/.test(r.type) && !resources.some((c) => c.parent === r.urn));
  return opaque.map((r) => `${r.type} "${r.name}": a multi-language component; its insides (subnets, node groups, tasks) are not visible under mocks and are not checked`);
}

/** Resources looked up with `.get()` are declared elsewhere: the rules do not judge their settings; say so. */
function readNotes(resources: ResourceNode[]): string[] {
  const read = resources.filter((r) => r.read && r.type !== "pulumi:pulumi:StackReference");
  if (read.length === 0) return [];
  return [`${read.map((r) => `${r.type} "${r.name}"`).join(", ")}: looked up with .get(), declared elsewhere (another stack, a CloudFormation template); their settings are not visible and are not checked`];
}
