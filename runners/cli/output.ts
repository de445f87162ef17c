// Output helpers for commands: colour only on a terminal (picocolors honours
// NO_COLOR and FORCE_COLOR), JSON for machines, aligned tables for people.
import pc from "picocolors";

const colour = pc.createColors(Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env));
export const paint = colour;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function println(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** A notice for people (what a result could not include) on stderr, so stdout stays parseable. */
export function eprintln(line = ""): void {
  process.stderr.write(`${line}\n`);
}

/** Progress for long work goes to stderr so stdout stays parseable. */
export function progress(message: string): void {
  process.stderr.write(`${paint.dim("…")} ${message}\n`);
}

// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "").length;

/** A plain aligned table; cells may carry colour codes. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ""))));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i]! - visible(c))).join("  ").trimEnd();
  return [line(header.map((h) => paint.bold(h))), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)].join("\n");
}
