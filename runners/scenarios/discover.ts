// Scenario files live in scenarios/<stack>/*.ts beside the program. Loading one
// runs its module (through tsx), so a file that throws is reported by name.
import { existsSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../errors.ts";

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

export function listScenarioFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("_"))
    .sort()
    .map((f) => join(dir, f));
}

export async function importScenario(file: string): Promise<ScenarioFile> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError(`scenario ${file} does not exist`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw new InputError(`${file}: the scenario script failed to load: ${(error as Error).message}`, { cause: error });
  }
  if (mod.default === undefined) throw new InputError(`${file}: has no default export (export default defineScenario({...}))`);
  return { file: path, value: mod.default, defaultName: basename(path).replace(/\.[^.]+$/, "") };
}
