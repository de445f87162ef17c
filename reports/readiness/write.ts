// Readiness files in an output directory: readiness.html and readiness.md.
import { join } from "node:path";
import { writeFileAtomic } from "../../core/atomic-write.ts";
import { rendererLabel } from "../version.ts";
import { renderReadinessHtml } from "./html.ts";
import { renderReadinessMarkdown } from "./markdown.ts";
import type { Readiness } from "./types.ts";

export const READINESS_FORMATS = ["html", "md"] as const;
export type ReadinessFormat = (typeof READINESS_FORMATS)[number];

export function writeReadiness(r: Readiness, outDir: string, formats: readonly ReadinessFormat[] = READINESS_FORMATS): string[] {
  return formats.map((f) => {
    const file = join(outDir, `readiness.${f}`);
    writeFileAtomic(file, f === "html" ? renderReadinessHtml(r, rendererLabel()) : renderReadinessMarkdown(r, rendererLabel()));
    return file;
  });
}
