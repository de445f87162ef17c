// The layout's arrows (docs/design.md "Layout") as data, and a checker that
// reads a file's imports — static, `export … from`, dynamic `import()` — with
// TypeScript's own pre-processor, so a string that merely looks like an import
// is not one and an `await import("../x.ts")` is not missed.
import ts from "typescript";
import path from "node:path";

/** One import of one of our files: `from` and `to` are repository-relative paths ("@pulumi" for any @pulumi/* package). */
export interface ImportEdge {
  from: string;
  to: string;
  /** True for `import type` / `export type` whole-statement imports: erased at run time. */
  typeOnly: boolean;
}

/** Our layers: the first folder of a repository-relative path. */
export const LAYERS = ["core", "journal", "stacks", "scenarios", "runners", "reports"] as const;
export type Layer = (typeof LAYERS)[number];

// Which layers each layer may import (itself always). Test, bench and scripts are unconstrained.
const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: [],
  journal: ["core"],
  stacks: ["core"],
  scenarios: ["core", "stacks"],
  runners: ["journal", "core", "stacks", "scenarios"],
  reports: ["journal", "core", "stacks"],
};

// The package's public names (tsconfig "paths") resolve to these files.
const ALIASES: Record<string, string> = {
  "continuity-drill/stacks": "stacks/lib/index.ts",
  "continuity-drill/scenarios": "scenarios/api.ts",
};

/** The edges out of one file; `file` is repository-relative, `source` its text. Imports of other packages are dropped, except @pulumi/*. */
export function importsOf(file: string, source: string): ImportEdge[] {
  const info = ts.preProcessFile(source, true, true);
  const typeOnlyLines = typeOnlySpecifiers(source);
  const edges: ImportEdge[] = [];
  for (const { fileName: spec } of info.importedFiles) {
    let to: string | undefined;
    if (spec.startsWith(".")) to = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    else if (spec in ALIASES) to = ALIASES[spec];
    else if (spec.startsWith("@pulumi/")) to = "@pulumi";
    if (to) edges.push({ from: file, to, typeOnly: typeOnlyLines.has(spec) });
  }
  return edges;
}

// Specifiers imported only by `import type … from` / `export type … from` statements.
function typeOnlySpecifiers(source: string): Set<string> {
  const typed = new Set<string>();
  const valued = new Set<string>();
  const sf = ts.createSourceFile("x.ts", source, ts.ScriptTarget.ES2022, false);
  for (const st of sf.statements) {
    if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const isType = ts.isImportDeclaration(st) ? st.importClause?.isTypeOnly === true : st.isTypeOnly;
      (isType ? typed : valued).add(st.moduleSpecifier.text);
    }
  }
  for (const v of valued) typed.delete(v);
  return typed;
}

const layerOf = (p: string): Layer | undefined => LAYERS.find((l) => p === l || p.startsWith(`${l}/`));

/**
 * The edges that break an arrow, each with the rule it breaks. `pulumi` is the set of files
 * that reach @pulumi/* (see reachesPulumi): reports may import stacks' plan types and
 * schema, never a file that drags the Pulumi components in.
 */
export function violations(edges: readonly ImportEdge[], pulumi: ReadonlySet<string> = reachesPulumi(edges)): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    if (!from) continue;
    const broken = rule(from, e, pulumi);
    if (broken) out.push(`${e.from} -> ${e.to}: ${broken}`);
  }
  return out;
}

function rule(from: Layer, e: ImportEdge, pulumi: ReadonlySet<string>): string | undefined {
  if (e.to === "@pulumi") return from === "core" || from === "journal" ? `${from} imports no @pulumi/*` : undefined;
  const to = layerOf(e.to);
  if (!to || to === from) return undefined;
  // The CLI edge composes the engine with the renderers: the one place runners meet reports.
  if (from === "runners" && to === "reports" && e.from.startsWith("runners/cli/")) return undefined;
  // Scenario authors' types read the fault kinds' param schemas (scenarios/fault-params.ts):
  // type-only, erased when compiled, so a scenario loads nothing of the engine.
  // (net.proxy's params live with the proxy's modes, the one list of them.)
  if (from === "scenarios" && e.typeOnly && (e.to.startsWith("runners/faults/") || e.to === "runners/proxy/mode.ts")) return undefined;
  if (!ALLOWED[from].includes(to)) return `${from} may import only ${[from, ...ALLOWED[from]].join(", ")}`;
  if (from === "reports" && to === "stacks" && pulumi.has(e.to)) return "reports import no Pulumi part of stacks";
  return undefined;
}

/** Files (among `edges`' sources) that reach @pulumi/* through any chain of imports. */
export function reachesPulumi(edges: readonly ImportEdge[]): Set<string> {
  const out = new Map<string, ImportEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const memo = new Map<string, boolean>();
  const visit = (f: string): boolean => {
    if (f === "@pulumi") return true;
    const known = memo.get(f);
    if (known !== undefined) return known;
    memo.set(f, false); // a cycle adds nothing new
    const hit = (out.get(f) ?? []).some((e) => !e.typeOnly && visit(e.to));
    memo.set(f, hit);
    return hit;
  };
  return new Set([...out.keys()].filter(visit));
}
