// One @pulumi/pulumi for the whole corpus: every copy npm put in the shared
// node_modules (top level or nested under a provider) becomes a link to this
// repository's, so providers, programs and our mocks share one runtime.
import { lstatSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";

export function linkOneRuntime(work: string, ours: string): void {
  const visit = (nodeModules: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(nodeModules);
    } catch {
      return;
    }
    for (const name of names) {
      const dirs = name.startsWith("@") ? readdirSync(join(nodeModules, name)).map((n) => join(name, n)) : [name];
      for (const d of dirs) {
        const path = join(nodeModules, d);
        if (d === "@pulumi/pulumi") {
          if (!lstatSync(path).isSymbolicLink()) {
            rmSync(path, { recursive: true, force: true });
            symlinkSync(ours, path, "dir");
          }
        } else if (depth < 3) visit(join(path, "node_modules"), depth + 1);
      }
    }
  };
  visit(join(work, "node_modules"), 0);
}
