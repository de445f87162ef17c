// Redaction that matches how clients parse credentials (issue 15): passwords of
// every printable character, written into URLs the way WHATWG URL, postgres.js
// and ioredis accept them (raw, percent-encoded, multi-host, query parameters);
// whenever a client would read the password from the URL, the redacted URL
// must give that client no password — and no part of it may remain.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "../../../reports/safe/redact.ts";
import { redactTarget } from "../../../runners/probes/redact.ts";

const require = createRequire(import.meta.url);
const postgres = require("postgres") as (url: string, o?: object) => { options: { pass: string | null; host: string[] } };
const { parseURL } = require("ioredis/built/utils/index.js") as { parseURL: (url: string) => { password?: string } };

type Parser = (url: string) => string | undefined;
const PARSERS: Record<string, Parser> = {
  whatwg: (url) => decodeURIComponent(new URL(url).password) || undefined,
  "postgres.js": (url) => postgres(url, { max: 1 }).options.pass ?? undefined,
  ioredis: (url) => parseURL(url).password || undefined,
};
const parsed = (parser: Parser, url: string) => {
  try {
    return parser(url);
  } catch {
    return undefined; // the client rejects this URL: it cannot carry a password
  }
};

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 24 });
/** How a user may write the password: raw, fully encoded, or encoding only what would end the authority. */
const ENCODINGS: Record<string, (p: string) => string> = {
  raw: (p) => p,
  encoded: encodeURIComponent,
  minimal: (p) => p.replace(/[%/?#\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`),
};
const FORMS: Record<string, (e: string, p: string) => string> = {
  "postgres userinfo": (e) => `postgres://app:${e}@db.internal:5432/orders`,
  "postgres multi-host": (e) => `postgres://app:${e}@pg-a:5432,pg-b:5433/orders?target_session_attrs=read-write`,
  "redis userinfo": (e) => `redis://default:${e}@cache:6379/0`,
  "query password": (_e, p) => `postgres://app@db:5432/orders?sslmode=require&password=${encodeURIComponent(p)}`,
  "query sslpassword": (_e, p) => `postgres://app@db:5432/orders?sslpassword=${encodeURIComponent(p)}&sslmode=verify-full`,
};
const queryPassword = (url: string) => {
  const q = url.indexOf("?");
  if (q < 0) return undefined;
  const params = new URLSearchParams(url.slice(q + 1));
  return params.get("password") ?? params.get("sslpassword") ?? undefined;
};

describe("redaction against the clients' own parsers", () => {
  for (const [form, build] of Object.entries(FORMS)) {
    it(`${form}: no client reads the password from a redacted URL, and no encoded part of it remains`, () => {
      fc.assert(
        fc.property(printable, fc.constantFrom(...Object.keys(ENCODINGS)), (p, enc) => {
          const e = ENCODINGS[enc]!(p);
          const url = build(e, p);
          const readers = form.startsWith("query") ? { URLSearchParams: queryPassword } : PARSERS;
          const reads = Object.entries(readers).filter(([, parse]) => parsed(parse, url) === p);
          fc.pre(reads.length > 0);
          for (const target of [redact(url), redactTarget(url)]) {
            for (const [name, parse] of reads) expect(parsed(parse, target), `${name} on ${target}`).not.toBe(p);
            // Where the secret is long enough to mean something and appears nowhere else in the URL:
            const written = form.startsWith("query") ? encodeURIComponent(p) : e;
            if (written.length >= 4 && !url.replace(written, "").includes(written)) expect(target).not.toContain(written);
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it("in free text (an error message), a password without whitespace is masked whole, '@' and all", () => {
    fc.assert(
      fc.property(printable.filter((p) => !/\s/.test(p)), (p) => {
        const e = ENCODINGS.minimal!(p);
        const url = `postgres://app:${e}@db.internal:5432/orders`;
        fc.pre(parsed(PARSERS.whatwg!, url) === p);
        const text = `connect ECONNREFUSED ${url} (attempt 3)`;
        const out = redact(text);
        expect(out).toContain("postgres://app:***@db.internal:5432/orders (attempt 3)");
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ["postgres://app:p@ss-tail@host/db", "postgres://app:***@host/db"],
    ["redis://:p@ss@w0rd@cache:6379", "redis://:***@cache:6379"],
    ["postgres://app:s3cret@pg-a:5432,pg-b:5433/orders", "postgres://app:***@pg-a:5432,pg-b:5433/orders"],
    ["postgres://app@db/x?pass%77ord=hunter2&sslmode=require", "postgres://app@db/x?pass%77ord=***&sslmode=require"],
    ["postgres://app@db/x?sslpassword=a b c&x=1", "postgres://app@db/x?sslpassword=***&x=1"],
    ["Authorization: Token abc123secret", "Authorization: ***"],
    ["x-api-key: k3yvalue", "x-api-key: ***"],
    ["PGPASSWORD=envs3cret psql", "PGPASSWORD=*** psql"],
  ])("%s → %s", (input, output) => {
    expect(redact(input)).toBe(output);
  });
});

describe("password with '@': no tail anywhere", () => {
  it("HTML, Markdown, JSON and JUnit of a drill whose targets and errors carry postgres://app:p@ss-tail@host/db", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { syntheticJournalText } = await import("../../support/synthetic-journal.ts");
    const { loadDrill } = await import("../../../reports/model/load.ts");
    const { renderFormat } = await import("../../../reports/write.ts");
    const { FORMATS } = await import("../../../reports/formats.ts");
    const dir = mkdtempSync(join(tmpdir(), "password-at-"));
    try {
      const url = "postgres://app:p@ss-tail@host/db";
      const file = join(dir, "password-with-at.jsonl");
      writeFileSync(file, syntheticJournalText({
        probes: [{ name: "primary", rateHz: 10, target: url }], ledger: { name: "orders", rateHz: 5, target: "redis://:p@ss-tail@cache:6379/0" },
        outage: { startMs: 100, lengthMs: 1_000, error: `connect ECONNREFUSED ${url}` }, noteText: `retrying ${url}?sslpassword=p@ss-tail`, afterMs: 1_000,
      }));
      const d = await loadDrill(file);
      for (const format of FORMATS) {
        const text = renderFormat(format, [d]);
        expect(text, format).not.toContain("ss-tail");
        if (format === "html" || format === "json") expect(text, format).toContain("app:***@host");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
