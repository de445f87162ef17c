// Scenario files live in scenarios/<stack>/*.ts beside the program. Loading one
// runs its module (through tsx), so a file that throws is reported by name.
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import { installFallbackResolution } from "../plan/fallback-resolve.ts";
import { pathToFileURL } from "node:url";
import { inputError } from "../../core/errors.ts";

export interface ScenarioFile {
  file: string;
  /** The scenario's default export, not yet validated. */
  value: unknown;
  /** Default name: the file name without extension. */
  defaultName: string;
}

export function scenarioDir(root: string, stack: string): string {
  return join(root, "scenarios", stack);
}

/**
 * Where a command finds its scenarios: `--scenarios DIR` (which must exist:
 * an input DrillError, when it does not), else `scenarios/<stack>` beside the
 * program, else (a plan file) beside the current directory — never inside
 * node_modules, where the tool's own examples would count as the user's.
 */
export function scenarioFolder(given: string | undefined, programDir: string | undefined, stack: string): { dir: string; exists: boolean } {
  if (given !== undefined) {
    const dir = resolve(given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw inputError(`--scenarios: ${given} is not a directory`, { field: "--scenarios" });
    return { dir, exists: true };
  }
  const root = programDir && !programDir.split(sep).includes("node_modules") ? programDir : process.cwd();
  const dir = scenarioDir(root, stack);
  return { dir, exists: existsSync(dir) };
}

export function listScenarioFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("_"))
    .sort()
    .map((f) => join(dir, f));
}

export async function importScenario(file: string): Promise<ScenarioFile> {
  const path = resolve(file);
  if (!existsSync(path)) throw inputError(`scenario ${file} does not exist`);
  let mod: { default?: unknown };
  // `import "continuity-drill/scenarios"` resolves in every mode, also with --plan (no program evaluated).
  installFallbackResolution();
  try {
    mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw inputError(`${file}: the scenario script failed to load: ${(error as Error).message}`, { file }, error);
  }
  if (mod.default === undefined) throw inputError(`${file}: has no default export (export default defineScenario({...}))`, { file });
  return { file: path, value: mod.default, defaultName: basename(path).replace(/\.[^.]+$/, "") };
}
