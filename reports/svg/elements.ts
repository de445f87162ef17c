// SVG element helpers. Attribute values and text are escaped (and redacted) here,
// so chart code cannot emit a probe name raw.
import { html } from "../safe/escape.ts";
import { px } from "./scale.ts";

type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? px(v) : html(v)}"`)
    .join("");
}

export const el = (tag: string, a: Attrs, children = ""): string =>
  children === "" ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;

export const text = (x: number, y: number, content: string, a: Attrs = {}): string => el("text", { x, y, ...a }, html(content));

/** A tooltip for the enclosing element: browsers show <title> on hover. */
export const title = (content: string): string => `<title>${html(content)}</title>`;

export const vline = (x: number, y0: number, y1: number, a: Attrs = {}): string => el("line", { x1: x, x2: x, y1: y0, y2: y1, ...a });
export const hline = (y: number, x0: number, x1: number, a: Attrs = {}): string => el("line", { x1: x0, x2: x1, y1: y, y2: y, ...a });

/** Rough width of a label at the chart font size, for placing labels apart. */
export const textWidth = (s: string, size = 11): number => s.length * size * 0.56;

/** A path through points; `null` breaks it (a gap in the data is not a line). */
export function path(points: ReadonlyArray<readonly [number, number] | null>): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!p) { pen = false; continue; }
    d += `${pen ? "L" : "M"}${px(p[0])} ${px(p[1])}`;
    pen = true;
  }
  return d;
}

/** Short time labels for axes: "0", "+10 s", "−2 min". */
export function shortDelta(ms: number): string {
  if (ms === 0) return "0";
  const a = Math.abs(ms);
  const sign = ms > 0 ? "+" : "−";
  const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  if (a < 1_000) return `${sign}${n(a)} ms`;
  if (a < 60_000) return `${sign}${n(a / 1_000)} s`;
  if (a < 3_600_000) return `${sign}${n(a / 60_000)} min`;
  return `${sign}${n(a / 3_600_000)} h`;
}
