// One k6 request → one sample. For every HTTP request k6 emits several points
// with the same time (the request's end) and the same tags: http_reqs,
// http_req_duration, the timing parts, and — when a response callback is set,
// as it is by default — http_req_failed (1 failed, 0 not). This pairs
// http_req_duration with http_req_failed by (time as written, tags as written).
// k6 writes a request's points together, so a duration still unpaired after
// STALE_AFTER further points never gets its http_req_failed (the script turned
// the callback off); it is then judged by its tags: `expected_response` when
// present, else status 200–399 (k6's default expected statuses).
import type { ErrorClass } from "../probes/sample.ts";
import type { K6Point } from "./k6-json.ts";

export interface K6Request {
  /** When the request ended (wall ms) and how long it took (http_req_duration, ms). */
  endWallMs: number;
  durationMs: number;
  ok: boolean;
  error?: ErrorClass;
  detail?: string;
}

interface Half { duration?: K6Point; failed?: K6Point; age: number }

const STALE_AFTER = 256;

export class K6Pairing {
  private readonly pending = new Map<string, Half>();
  private points = 0;
  /** http_req_failed points that never met their duration (dropped: no latency to record). */
  unpaired = 0;

  push(point: K6Point): K6Request[] {
    const key = `${point.timeText}\u0000${JSON.stringify(point.tags)}`;
    const half = this.pending.get(key) ?? { age: this.points };
    if (point.metric === "http_req_duration") half.duration = point;
    else half.failed = point;
    this.points++;
    const out: K6Request[] = [];
    if (half.duration && half.failed) {
      this.pending.delete(key);
      out.push(toRequest(half.duration, half.failed.value !== 0));
    } else this.pending.set(key, half);
    if (this.pending.size > 0 && this.points % 64 === 0) out.push(...this.flush(this.points - STALE_AFTER));
    return out;
  }

  /** Resolves every half older than `olderThan` points (all of them by default, at the end). */
  flush(olderThan = Infinity): K6Request[] {
    const out: K6Request[] = [];
    for (const [key, half] of this.pending) {
      if (half.age >= olderThan) continue;
      this.pending.delete(key);
      if (half.duration) out.push(toRequest(half.duration, undefined));
      else this.unpaired++;
    }
    return out;
  }
}

function toRequest(d: K6Point, failed: boolean | undefined): K6Request {
  const ok = failed === undefined ? expectedByTags(d.tags) : !failed;
  const base = { endWallMs: d.wallMs, durationMs: d.value, ok };
  return ok ? base : { ...base, ...errorOf(d.tags) };
}

function expectedByTags(tags: Record<string, string>): boolean {
  if (tags.expected_response !== undefined) return tags.expected_response === "true";
  const status = Number(tags.status);
  return status >= 200 && status < 400;
}

/** k6's error_code tag (lib/netext/httpext/error_codes.go) to our coarse classes. */
const BY_K6_CODE: Record<string, ErrorClass> = {
  "1050": "timeout", // request timeout
  "1211": "timeout", // dial: i/o timeout
  "1212": "refused", // dial: connection refused
  "1201": "reset", // broken pipe
  "1220": "reset", // connection reset by peer
};

function errorOf(tags: Record<string, string>): { error: ErrorClass; detail: string } {
  const code = tags.error_code;
  const what = tags.name ?? tags.url ?? "";
  if (code !== undefined) {
    const n = Number(code);
    const error = BY_K6_CODE[code] ?? (n >= 1100 && n < 1300 ? "unreachable" : "error");
    return { error, detail: `k6 error ${code}${tags.error ? `: ${tags.error}` : ""}${what ? ` (${what})` : ""}` };
  }
  const status = Number(tags.status);
  if (status > 0) return { error: "bad-status", detail: `HTTP ${status}${what ? ` (${what})` : ""}` };
  return { error: "error", detail: `no response${what ? ` (${what})` : ""}` };
}
