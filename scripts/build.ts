// `npm run build`: the component library users import (continuity-drill/stacks,
// continuity-drill/scenarios) as JavaScript with .d.ts, in dist/. tsc rewrites
// relative ".ts" imports to ".js" in the JavaScript but not in declarations, so
// the declarations are rewritten here: consumers' tsc (CommonJS `pulumi new`
// projects included) must find ".d.ts" beside ".js".
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
for (const file of walk(dist).filter((f) => f.endsWith(".d.ts"))) {
  writeFileSync(file, readFileSync(file, "utf8").replace(/(from\s+["']\.{1,2}\/[^"']+)\.ts(["'])/g, "$1.js$2").replace(/(import\(["']\.{1,2}\/[^"']+)\.ts(["']\))/g, "$1.js$2"));
}
process.stdout.write(`built ${walk(dist).length} files in dist/\n`);
