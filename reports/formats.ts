// The report formats and the file each is written to. Fixed names in the output
// directory, so a drill's output directory always has report.html beside its
// journal and CI can pick up report.junit.xml without configuration.
import { JournalInputError } from "../journal/read.ts";

export const FORMATS = ["html", "md", "json", "junit"] as const;
export type Format = (typeof FORMATS)[number];

export const FILE_NAME: Record<Format, string> = {
  html: "report.html",
  md: "report.md",
  json: "report.json",
  junit: "report.junit.xml",
};

/** "html,md" → ["html", "md"]; an unknown name is bad input (exit 2) listing the known ones. */
export function parseFormats(list: string | undefined, allowed: readonly string[] = FORMATS): Format[] {
  if (list === undefined || list.trim() === "") return [...allowed] as Format[];
  const names = list.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const n of names) {
    if (!allowed.includes(n)) throw new JournalInputError(`--format: unknown format "${n}"; formats: ${allowed.join(", ")}`);
  }
  return [...new Set(names)] as Format[];
}
