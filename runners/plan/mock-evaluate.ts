// Evaluating a Pulumi program in this process under Pulumi's mock runtime: no
// Pulumi CLI, no engine, no credentials. Resources are "created" by the mock,
// which records their inputs; a stack transformation records parents and
// dependencies. The program's exports are its stack outputs.
//
// The Pulumi runtime is process-global: evaluate one program per process (the
// CLI does) or reset the module registry between evaluations (tests do).
import { pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../errors.ts";
import type { PulumiProgram } from "./pulumi-project.ts";
import type { ResourceGraph, ResourceNode } from "./resource-graph.ts";
import { installFallbackResolution } from "./fallback-resolve.ts";

export interface Evaluation {
  outputs: Record<string, unknown>;
  graph: ResourceGraph;
}

interface Pending {
  resource: pulumi.Resource;
  type: string;
  name: string;
  custom: boolean;
  parent?: pulumi.Resource;
  dependsOn: pulumi.Resource[];
  implicit: Promise<Set<pulumi.Resource>>[];
}

const urnOf = (r: pulumi.Resource) => new Promise<string>((ok) => r.urn.apply(ok));
const resolveOutput = (value: unknown) => new Promise<unknown>((ok) => (pulumi.output(value as pulumi.Input<unknown>) as pulumi.Output<unknown>).apply(ok));

/** Outputs nested in a resource's props point to the resources they come from. */
function outputSources(value: unknown, out: Promise<Set<pulumi.Resource>>[], depth = 0): void {
  if (depth > 8 || value === null || typeof value !== "object") return;
  if (pulumi.Output.isInstance(value)) {
    // A Set in current @pulumi/pulumi, a promise of one in older releases: accept both.
    const resources = (value as unknown as { resources?: () => Set<pulumi.Resource> | Promise<Set<pulumi.Resource>> }).resources;
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
  const inputs = new Map<string, { inputs: Record<string, unknown>; custom: boolean }>();
  const pending: Pending[] = [];
  pulumi.runtime.setAllConfig(program.config);
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        inputs.set(`${args.type}::${args.name}`, { inputs: args.inputs ?? {}, custom: args.custom ?? false });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call(args) {
        return args.inputs;
      },
    },
    program.project,
    program.stack,
    false,
  );

  let exports: Record<string, unknown> = {};
  // A program that throws rejects promises inside Pulumi's Stack that nobody
  // awaits; without this they would crash the process with a raw stack trace.
  const stray: unknown[] = [];
  const onStray = (reason: unknown) => void stray.push(reason);
  process.on("unhandledRejection", onStray);
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        const implicit: Promise<Set<pulumi.Resource>>[] = [];
        outputSources(args.props, implicit);
        const dependsOn = Array.isArray(args.opts.dependsOn) ? (args.opts.dependsOn as pulumi.Resource[]) : [];
        pending.push({ resource: args.resource, type: args.type, name: args.name, custom: pulumi.CustomResource.isInstance(args.resource), parent: args.opts.parent, dependsOn, implicit });
        return undefined;
      });
      exports = (await import(pathToFileURL(program.entry).href)) as Record<string, unknown>;
      return exports;
    });
  } catch (error) {
    throw programError(program, error);
  } finally {
    await new Promise((ok) => setImmediate(ok));
    process.off("unhandledRejection", onStray);
  }
  if (stray.length > 0) throw programError(program, stray[0]);

  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(exports)) {
    try {
      outputs[key] = await resolveOutput(value);
    } catch (error) {
      throw programError(program, error);
    }
  }
  return { outputs, graph: { resources: await toNodes(pending, inputs) } };
}

async function toNodes(pending: Pending[], inputs: Map<string, { inputs: Record<string, unknown>; custom: boolean }>): Promise<ResourceNode[]> {
  return Promise.all(
    pending.map(async (p) => {
      const implicit = (await Promise.all(p.implicit.map((s) => s.catch(() => new Set<pulumi.Resource>())))).flatMap((s) => [...s]);
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
      return node;
    }),
  );
}

const isRootStack = (urn: string) => urn.includes(`::${pulumi.runtime.rootPulumiStackTypeName}::`);

/** A program that throws is bad input: name the file, keep our own errors' detail. */
function programError(program: PulumiProgram, error: unknown): Error {
  if (error instanceof Error && "exitCode" in error) return error;
  const message = error instanceof Error ? error.message : String(error);
  const hint = /require\(\)|ERR_REQUIRE|Top-level await/.test(message)
    ? ' (programs are loaded as ES modules: add "type": "module" to the package.json beside the program, or name it index.mts)'
    : "";
  return new InputError(`${program.entry}: the Pulumi program failed under the mock runtime: ${message}${hint}`, { cause: error });
}
