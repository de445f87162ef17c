// Which renderer made a report, printed in it: evidence rendered years later
// should say by what.
import { readFileSync } from "node:fs";

let cached: { name: string; version: string } | undefined;

export function renderer(): { name: string; version: string } {
  cached ??= JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };
  return { name: cached.name, version: cached.version };
}

export const rendererLabel = (): string => `rendered by ${renderer().name} ${renderer().version}`;
