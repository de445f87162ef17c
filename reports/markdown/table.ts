// GitHub-flavoured Markdown tables whose cells are always escaped (and redacted):
// a pipe in a scenario name cannot split a cell, a tag cannot become HTML.
import { md } from "../safe/escape.ts";
import { redact } from "../safe/redact.ts";

/** Cell content that is already Markdown (built here from escaped parts). */
export class MdRaw {
  constructor(readonly value: string) {}
}

const cell = (c: unknown) => (c instanceof MdRaw ? c.value : md(c));

export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>, align: readonly ("l" | "r")[] = []): string {
  const rule = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [header.map(md), rule, ...rows.map((r) => r.map(cell))].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export const bold = (s: unknown) => new MdRaw(`**${md(s)}**`);
/**
 * Inline code only for values that cannot carry markup (hashes, ids of [\w.-]).
 * Backslash escapes are shown literally inside code spans, so anything else is
 * rendered as escaped text instead.
 */
export function code(s: string): MdRaw {
  const r = redact(s);
  return new MdRaw(/^[\w.:-]+$/.test(r) ? `\`${r}\`` : md(r));
}
