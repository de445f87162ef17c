// Finding an executable on PATH without spawning a shell (`which` may not exist).
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

export function onPath(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here, or not executable
    }
  }
  return undefined;
}
