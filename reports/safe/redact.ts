// One redaction function, applied to every string a report renders (HTML, XML,
// Markdown, JSON). Journals are evidence that gets attached to tickets and kept
// for years; a password that slipped into a probe target or an error message must
// not travel with it. Patterns over-redact rather than under-redact.

import { MASK, redactUrls } from "../../core/redact-url.ts";

/** Each rule rewrites one shape of secret; order matters only for readability. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // (URL userinfo and query parameters: redact-url.ts, run first)
  // Authorization headers of any scheme, and API-key headers: the whole value
  [/(\b(?:proxy-)?authorization[ \t]*:[ \t]*)(?![ \t]|(?:bearer|basic)\s)[^\r\n]+/gi, `$1${MASK}`],
  // env-like or config-like assignments: TOKEN=…, DB_PASSWORD: …, "api_key": "…"
  [/((?:^|[^A-Za-z0-9])["']?[A-Za-z0-9_.-]*(?:token|secret|password|passwd|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)["']?\s*[=:]\s*)(["']?)[^\s"'&,;}]+\2/gim, `$1$2${MASK}$2`],
  // Authorization headers
  [/(\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${MASK}`],
  // AWS access key ids, GitHub and Slack tokens, JWTs: recognisable on their own
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g, MASK],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, MASK],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, MASK],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, MASK],
];

export function redact(text: string): string {
  let out = redactUrls(text);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Redact every string inside a JSON-like value (keys too: a key can be a URL). */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redact(k)] = redactDeep(v);
    return out as T;
  }
  return value;
}
