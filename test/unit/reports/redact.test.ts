import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact, redactDeep } from "../../../reports/safe/redact.ts";

describe("redact", () => {
  it.each([
    ["postgres://u:pw@h:5432/db", "postgres://u:***@h:5432/db"],
    ["redis://:pw@cache:6379/0", "redis://:***@cache:6379/0"],
    ["connect to amqp://guest:guest@mq failed", "connect to amqp://guest:***@mq failed"],
    ["https://h/x?token=abc&y=1", "https://h/x?token=***&y=1"],
    ["https://h/x?a=1&api_key=abc", "https://h/x?a=1&api_key=***"],
    ["https://s3/o?X-Amz-Signature=deadbeef&X-Amz-Credential=AK", "https://s3/o?X-Amz-Signature=***&X-Amz-Credential=***"],
    ["TOKEN=abc123 rest", "TOKEN=*** rest"],
    ["DB_PASSWORD: hunter2", "DB_PASSWORD: ***"],
    ['{"api_key":"xyz"}', '{"api_key":"***"}'],
    ["key AKIAIOSFODNN7EXAMPLE used", "key *** used"],
    ["Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl", "Authorization: Bearer ***"],
    ["https://ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/x", "https://***@github.com/x"],
  ])("%s → %s", (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it.each([
    "postgres://app@127.0.0.1:5432/orders",
    "latency 5 ms, p99 250 ms",
    "d75a2640c8317856178944def767bd881a5d349aaea008fabec3e2c19b1aeb54",
    "Key (id)=(5) already exists",
    "orders-db node-loss 2025-03-14T09:26:53.000Z",
  ])("leaves %s alone", (input) => {
    expect(redact(input)).toBe(input);
  });

  it("never lets a planted password through, whatever surrounds it", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{6,24}$/);
    const around = fc.string({ maxLength: 20 }).map((s) => s.replace(/[@:/?&=\s]/g, ""));
    fc.assert(
      fc.property(secret, around, around, fc.constantFrom("postgres://u:{s}@h/db", "redis://:{s}@h", "x?password={s}", "PASSWORD={s}", "api_key: {s}"), (s, a, b, template) => {
        const text = `${a} ${template.replace("{s}", s)} ${b}`;
        // A "secret" that also spells part of what rightly stays (e.g. "ASSWOR" in "PASSWORD=") is no leak.
        fc.pre(!`${a} ${template.replace("{s}", "***")} ${b}`.includes(s));
        expect(redact(text)).not.toContain(s);
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(redact(redact(s))).toBe(redact(s));
      }),
    );
  });

  it("redacts every string in a value, keys included", () => {
    expect(redactDeep({ "postgres://u:pw@h": ["TOKEN=x", 3, null] })).toEqual({ "postgres://u:***@h": ["TOKEN=***", 3, null] });
  });
});
