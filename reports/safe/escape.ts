// Escaping for each output language. Every helper redacts first, so "escape it"
// and "redact it" cannot be forgotten separately: there is one door for strings.
import { redact } from "./redact.ts";

// XML 1.0 forbids most control characters even when escaped; an error message
// carrying one would make the whole JUnit file unparseable in CI.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value in HTML or SVG. */
export function html(value: unknown): string {
  return redact(String(value ?? "")).replace(XML_INVALID, "\uFFFD").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text or attribute value in XML (JUnit). Same rules as HTML; a separate name says which output it serves. */
export const xml = html;

/**
 * Inline Markdown text, safe in a GitHub table cell: HTML is neutralised (GitHub
 * would render tags), emphasis/link/code characters are backslash-escaped, pipes
 * cannot end the cell, and a line break cannot end the row.
 */
export function md(value: unknown): string {
  return redact(String(value ?? ""))
    .replace(/\r?\n|\r/g, " ")
    .replace(/[\\`*_[\]|#~!]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ENTITIES[c]!);
}

/** A fragment id for links inside one HTML file. */
export function anchorId(prefix: string, index: number): string {
  return `${prefix}-${index + 1}`;
}

/**
 * Shorten text for display. Redacts before cutting: a secret cut in half would
 * no longer match its pattern and would leak in part.
 */
export function clip(value: unknown, max: number): string {
  const s = redact(String(value ?? ""));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
