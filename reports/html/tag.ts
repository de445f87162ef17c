// A tagged template for HTML in which every interpolated value is escaped (and
// redacted) unless it is already markup built by this same tag or wrapped in
// raw() — chart SVG, for instance, which escapes its own text. Forgetting to
// escape a service name then takes effort rather than a slip.
import { html } from "../safe/escape.ts";

export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Markup produced elsewhere by code that escapes its own content (the SVG charts). */
export const raw = (value: string): Markup => new Markup(value);

function render(v: unknown): string {
  if (v instanceof Markup) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  if (v === undefined || v === null || v === false) return "";
  return html(v);
}

export function h(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Markup(out);
}

/** A table from a header and rows of cells (strings are escaped, Markup kept). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>, cls = ""): Markup {
  return h`<table class="${cls}"><thead><tr>${header.map((c) => h`<th>${c}</th>`)}</tr></thead><tbody>${rows.map((r) => h`<tr>${r.map((c) => h`<td>${c}</td>`)}</tr>`)}</tbody></table>`;
}

/** Facts as a definition list, skipping the ones that are unknown. */
export function facts(entries: ReadonlyArray<readonly [string, unknown]>): Markup {
  const known = entries.filter(([, v]) => v !== undefined && v !== "" && v !== null);
  return h`<dl class="facts">${known.map(([k, v]) => h`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}
