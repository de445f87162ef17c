// Reading k6's JSON output (`k6 run --out json=FILE`), as k6 documents it
// (grafana.com/docs/k6/latest/results-output/real-time/json): one JSON object
// per line, either {"type":"Metric","metric":…,"data":{…}} declaring a metric or
// {"type":"Point","metric":…,"data":{"time":RFC3339,"value":…,"tags":{…}}} with
// one sample. Only the points this harness turns into samples are parsed;
// everything else (vus, iterations, checks, custom metrics) is skipped cheaply.

export interface K6Point {
  metric: "http_req_duration" | "http_req_failed";
  /** The time exactly as k6 wrote it (nanoseconds, with offset): part of the pairing key. */
  timeText: string;
  /** The same instant, ms since the Unix epoch, with sub-millisecond precision kept. */
  wallMs: number;
  value: number;
  tags: Record<string, string>;
}

const WANTED = new Set(["http_req_duration", "http_req_failed"]);
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * k6 writes Go's RFC3339Nano ("2017-05-09T14:34:45.239531499+02:00"). Date.parse
 * keeps milliseconds at best, so the fraction is added separately. NaN if malformed.
 */
export function rfc3339ToMs(text: string): number {
  const m = RFC3339.exec(text);
  if (!m) return NaN;
  const whole = Date.parse(`${m[1]}${m[3]!.toUpperCase()}`);
  const fraction = m[2] ? Number(`0.${m[2]}`) * 1000 : 0;
  return whole + fraction;
}

/** A point this harness uses, or undefined for any other line (including malformed ones). */
export function parseK6Line(line: string): K6Point | undefined {
  // Most lines are other metrics: skip them without parsing JSON.
  if (!line.includes('"http_req_')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const v = value as { type?: unknown; metric?: unknown; data?: { time?: unknown; value?: unknown; tags?: unknown } };
  if (v.type !== "Point" || typeof v.metric !== "string" || !WANTED.has(v.metric)) return undefined;
  const d = v.data;
  if (!d || typeof d.time !== "string" || typeof d.value !== "number") return undefined;
  const wallMs = rfc3339ToMs(d.time);
  if (Number.isNaN(wallMs)) return undefined;
  return { metric: v.metric as K6Point["metric"], timeText: d.time, wallMs, value: d.value, tags: stringTags(d.tags) };
}

function stringTags(tags: unknown): Record<string, string> {
  if (!tags || typeof tags !== "object") return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) if (typeof v === "string") out[k] = v;
  return out;
}
