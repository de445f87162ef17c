// Reading k6's JSON output and pairing its points into requests, on lines in
// k6's documented format (test/fixtures/k6/, generated: no k6 binary here).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseK6Line, rfc3339ToMs } from "../../../runners/load/k6-json.ts";
import { K6Pairing, type K6Request } from "../../../runners/load/k6-pairing.ts";

const FIXTURE = new URL("../../fixtures/k6/web-mix-refused-burst.jsonl", import.meta.url);
const tags = { expected_response: "true", method: "GET", name: "GET /healthz", status: "200", url: "http://127.0.0.1:1/healthz" };
const line = (metric: string, value: number, t = "2025-03-14T10:26:53.123456789+01:00", tg: Record<string, string> | null = tags) =>
  JSON.stringify({ type: "Point", data: { time: t, value, tags: tg }, metric });

describe("k6 JSON lines", () => {
  it("reads RFC3339 with nanoseconds and an offset, keeping sub-millisecond precision", () => {
    expect(rfc3339ToMs("2025-03-14T10:26:53.123456789+01:00")).toBeCloseTo(Date.parse("2025-03-14T09:26:53.123Z") + 0.456789, 6);
    expect(rfc3339ToMs("2017-05-09T14:34:45Z")).toBe(Date.parse("2017-05-09T14:34:45Z"));
    expect(rfc3339ToMs("2017-05-09 14:34:45")).toBeNaN();
  });

  it("keeps http_req_duration and http_req_failed points, skips metric declarations, other metrics and torn lines", () => {
    expect(parseK6Line(line("http_req_duration", 1.5))).toMatchObject({ metric: "http_req_duration", value: 1.5, tags });
    expect(parseK6Line(line("http_req_waiting", 1.4))).toBeUndefined();
    expect(parseK6Line(line("vus", 5, undefined, null))).toBeUndefined();
    expect(parseK6Line('{"type":"Metric","data":{"type":"trend","contains":"time"},"metric":"http_req_duration"}')).toBeUndefined();
    expect(parseK6Line(line("http_req_duration", 1).slice(0, 60))).toBeUndefined();
  });
});

describe("pairing a request's points", () => {
  it("pairs duration with failed by time and tags: ok, latency and end time of each request", () => {
    const p = new K6Pairing();
    expect(p.push(parseK6Line(line("http_req_duration", 2.5))!)).toEqual([]);
    const [r] = p.push(parseK6Line(line("http_req_failed", 0))!);
    expect(r).toEqual({ endWallMs: rfc3339ToMs("2025-03-14T10:26:53.123456789+01:00"), durationMs: 2.5, ok: true });
  });

  it("classifies by k6's error_code, else by status", () => {
    const p = new K6Pairing();
    const refused = { ...tags, status: "0", expected_response: "false", error: "dial: connection refused", error_code: "1212" };
    p.push(parseK6Line(line("http_req_duration", 0, undefined, refused))!);
    expect(p.push(parseK6Line(line("http_req_failed", 1, undefined, refused))!)[0]).toMatchObject({
      ok: false, error: "refused", detail: "k6 error 1212: dial: connection refused (GET /healthz)",
    });
    const s503 = { ...tags, status: "503", expected_response: "false" };
    p.push(parseK6Line(line("http_req_duration", 3, undefined, s503))!);
    expect(p.push(parseK6Line(line("http_req_failed", 1, undefined, s503))!)[0]).toMatchObject({ ok: false, error: "bad-status", detail: "HTTP 503 (GET /healthz)" });
  });

  it("a duration never followed by http_req_failed (callback turned off) is judged by its tags once stale, or at the end", () => {
    const p = new K6Pairing();
    const out: K6Request[] = [];
    const noCallback = { method: "GET", status: "404", url: "http://127.0.0.1:1/x" };
    out.push(...p.push(parseK6Line(line("http_req_duration", 1, "2025-03-14T10:26:53.000000001Z", noCallback))!));
    for (let i = 0; i < 300; i++) {
      const t = `2025-03-14T10:26:54.${String(i).padStart(9, "0")}Z`;
      out.push(...p.push(parseK6Line(line("http_req_duration", 1, t))!), ...p.push(parseK6Line(line("http_req_failed", 0, t))!));
    }
    expect(out).toHaveLength(301);
    const stale = out.findIndex((r) => !r.ok);
    expect(out[stale]).toMatchObject({ ok: false, error: "bad-status", endWallMs: Date.parse("2025-03-14T10:26:53Z") + 0.000001 });
    expect(stale).toBeLessThan(200); // flushed once stale, not held to the end
    const q = new K6Pairing();
    q.push(parseK6Line(line("http_req_duration", 1, undefined, { ...tags, expected_response: "false", status: "200" }))!);
    expect(q.flush()).toMatchObject([{ ok: false }]);
  });

  it("turns the generated web-mix output into one request per k6 request, the refused burst included", () => {
    const p = new K6Pairing();
    const out: K6Request[] = [];
    for (const l of readFileSync(FIXTURE, "utf8").split("\n")) {
      const point = parseK6Line(l);
      if (point) out.push(...p.push(point));
    }
    out.push(...p.flush());
    expect(out).toHaveLength(100);
    expect(out.filter((r) => r.error === "refused")).toHaveLength(20);
    expect(out.filter((r) => r.error === "bad-status")).toHaveLength(1);
    expect(out.filter((r) => r.ok)).toHaveLength(79);
    expect(p.unpaired).toBe(0);
  });
});
