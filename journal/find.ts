// Which journals a command means: files as given, and every *.jsonl under a
// directory, recursively (an evidence tree is organised by date, service, run …).
// Sorted, so reports list drills in a stable order.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { JournalInputError } from "./read.ts";

export function findJournals(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      throw new JournalInputError(`no such journal or directory: ${path}`, { cause: error });
    }
    if (isDir) out.push(...walk(path).sort());
    else out.push(path);
  }
  return [...new Set(out)];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") out.push(...walk(path));
    else if (entry.isFile() && entry.name.endsWith(".jsonl")) out.push(path);
  }
  return out;
}
