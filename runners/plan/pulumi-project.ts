// Finding a Pulumi program and its stack config on disk, the way the Pulumi CLI
// would: Pulumi.yaml names the project and `main`; config as pulumi-config.ts reads it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { inputError } from "../../core/errors.ts";
import { programConfig } from "./pulumi-config.ts";

export interface PulumiProgram {
  /** The directory holding Pulumi.yaml, or the program's own directory. */
  projectDir: string;
  project: string;
  /** The TypeScript/JavaScript file to evaluate. */
  entry: string;
  stack: string;
  /** Flat config as the Pulumi engine hands it over: "ns:key" → string (objects as JSON). */
  config: Record<string, string>;
  /** Config keys whose values are secrets (Pulumi marks them so `config.get` gives secret outputs). */
  secretKeys?: string[];
  /** `--stack-reference name=FILE`: outputs of other stacks, as `pulumi stack output --json` writes them. */
  stackReferences?: Record<string, string>;
  /** What the user should know about the config (secrets left as placeholders). */
  notes?: string[];
}

const ENTRY_NAMES = ["index.ts", "index.mts", "index.js", "index.mjs"];

function readYaml(file: string): Record<string, unknown> {
  try {
    const value = parseYaml(readFileSync(file, "utf8")) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch (error) {
    throw inputError(`${file}: not valid YAML: ${(error as Error).message}`, { file }, error);
  }
}

/** The program in a directory as Node (and so Pulumi's nodejs runtime) finds it: package.json `main`, else index.*. */
function entryIn(dir: string, where: string): string {
  const main = packageMain(dir);
  if (main) return main;
  for (const name of ENTRY_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
  throw inputError(`${where}: no program entry found in ${dir} (looked for ${ENTRY_NAMES.join(", ")})`);
}

function packageMain(dir: string): string | undefined {
  const file = join(dir, "package.json");
  if (!existsSync(file)) return undefined;
  let main: unknown;
  try {
    main = (JSON.parse(readFileSync(file, "utf8")) as { main?: unknown }).main;
  } catch (error) {
    throw inputError(`${file}: not valid JSON: ${(error as Error).message}`, { file }, error);
  }
  if (typeof main !== "string") return undefined;
  const base = resolve(dir, main);
  for (const candidate of [base, ...[".ts", ".js", ".mts", ".mjs"].map((e) => base + e), ...ENTRY_NAMES.map((n) => join(base, n))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // Node (and so Pulumi) falls back to the folder's index when `main` is missing:
  // "main": "index.js" beside an index.ts is common in TypeScript programs.
  return undefined;
}

/** Resolve `--program DIR|FILE` (a Pulumi project directory, or an entry file). */
export function findProgram(programPath: string, stack: string, overrides: Record<string, string> = {}): PulumiProgram {
  const target = resolve(programPath);
  if (!existsSync(target)) throw inputError(`--program: ${programPath} does not exist`, { field: "--program" });
  const isDir = statSync(target).isDirectory();
  const projectFile = isDir ? join(target, "Pulumi.yaml") : join(dirname(target), "Pulumi.yaml");
  if (!existsSync(projectFile)) {
    const entry = isDir ? entryIn(target, "--program") : target;
    const project = basename(dirname(entry));
    return { projectDir: dirname(entry), project, entry, stack, ...programConfig(dirname(entry), { name: project }, stack, overrides, readYaml) };
  }
  const projectDir = dirname(projectFile);
  const meta = readYaml(projectFile);
  const project = typeof meta.name === "string" ? meta.name : basename(projectDir);
  let entry = target;
  if (isDir) {
    const main = typeof meta.main === "string" ? resolve(projectDir, meta.main) : projectDir;
    entry = existsSync(main) && statSync(main).isDirectory() ? entryIn(main, `${projectFile} main`) : main;
    if (!existsSync(entry)) throw inputError(`${projectFile}: main "${String(meta.main)}" does not exist`, { file: projectFile });
  }
  return { projectDir, project, entry, stack, ...programConfig(projectDir, { ...meta, name: project }, stack, overrides, readYaml) };
}
