// `npm run build`: the component library users import (continuity-drill/stacks,
// continuity-drill/scenarios) as JavaScript with .d.ts, in dist/.
//
// Two fixes on what tsc emits, both for a `pulumi new aws-typescript` project
// (CommonJS, strict, moduleResolution node, no skipLibCheck) compiling our types:
// - tsc rewrites relative ".ts" imports to ".js" in JavaScript but not in
//   declarations; the consumer's tsc must find ".d.ts" beside ".js".
// - No declaration reachable from a public entry may mention zod: zod's own .d.cts
//   do not compile there (63 errors in its locales). The plan's types are written
//   out (stacks/lib/types.ts); types a public file imports from a schema module
//   (the scenario types) are inlined here as the structure the checker derives from
//   the schema, so they can never drift from it. The build fails if zod is still reachable.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const ENTRIES = ["stacks/lib/public.d.ts", "scenarios/api.d.ts"].map((e) => join(dist, e));
const MENTIONS_ZOD = /(from\s+|import\()["']zod(\/[^"']*)?["']/;

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
for (const file of walk(dist).filter((f) => f.endsWith(".d.ts"))) {
  writeFileSync(file, readFileSync(file, "utf8").replace(/(from\s+["']\.{1,2}\/[^"']+)\.ts(["'])/g, "$1.js$2").replace(/(import\(["']\.{1,2}\/[^"']+)\.ts(["']\))/g, "$1.js$2"));
}

/** Relative modules a declaration file refers to, as dist paths of their .d.ts. */
function references(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\()["'](\.{1,2}\/[^"']+)\.js["']/g)].map((m) => resolve(dirname(file), `${m[1]}.d.ts`));
}

function reachable(): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || !existsSync(f)) return;
    seen.add(f);
    references(f).forEach(visit);
  };
  ENTRIES.forEach(visit);
  return [...seen];
}

const zodFiles = () => new Set(reachable().filter((f) => MENTIONS_ZOD.test(readFileSync(f, "utf8"))));

/** The type alias `name` exported by a source module, as the structure the checker resolves it to. */
function expandedType(program: ts.Program, source: string, name: string): string {
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(source);
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  let symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
  if (!symbol) throw new Error(`build: ${relative(root, source)} exports no type ${name}`);
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;
  const node = checker.typeToTypeNode(checker.getDeclaredTypeOfSymbol(symbol), undefined, flags);
  if (!node) throw new Error(`build: cannot write out ${name} of ${relative(root, source)}`);
  return ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, ts.createSourceFile("x.ts", "", ts.ScriptTarget.Latest));
}

/** In every public declaration, replace type imports/re-exports from a zod-mentioning module by the written-out types. */
function inlineSchemaTypes(): void {
  const tainted = zodFiles();
  const importers = reachable().filter((f) => !tainted.has(f) && references(f).some((r) => tainted.has(r)));
  if (importers.length === 0) return;
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.build.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error("build: cannot read tsconfig.build.json");
  const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
  for (const file of importers) {
    const defined = new Set<string>(); // a type both imported and re-exported is written out once
    const text = readFileSync(file, "utf8").replace(
      /^(import|export) type \{([^}]+)\} from ["'](\.{1,2}\/[^"']+)\.js["'];$/gm,
      (whole, verb: string, names: string, spec: string) => {
        const target = resolve(dirname(file), `${spec}.d.ts`);
        if (!tainted.has(target)) return whole;
        const source = join(root, relative(dist, target)).replace(/\.d\.ts$/, ".ts");
        return names
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean)
          .map((n) => {
            if (defined.has(n)) return verb === "export" ? `export type { ${n} };` : "";
            defined.add(n);
            const written = expandedType(program, source, n);
            // An interface prints by its own name, and `type X = X;` is a circular alias in the
            // user's tsc: keep that name's import instead. If the file is reachable from a public
            // entry, the check below then fails the build on the zod it reaches, naming it.
            if (written === n) return `${verb} type { ${n} } from "${spec}.js";`;
            return `${verb === "export" ? "export " : ""}type ${n} = ${written};`;
          })
          .filter(Boolean)
          .join("\n");
      },
    );
    writeFileSync(file, text);
  }
}

inlineSchemaTypes();
const left = zodFiles();
if (left.size > 0) {
  process.stderr.write(`build: public declarations still reach zod: ${[...left].map((f) => relative(root, f)).join(", ")}\n`);
  process.exit(1);
}
process.stdout.write(`built ${walk(dist).length} files in dist/; public declarations: ${reachable().length} files, none mentions zod\n`);
