// Ledger specs from scenario files: defaults, field-naming errors, redaction.
import { describe, expect, it } from "vitest";
import { createLedger } from "../../../runners/ledger/create-ledger.ts";
import { parseLedgerSpec } from "../../../runners/ledger/spec.ts";

describe("parseLedgerSpec", () => {
  it("fills defaults", () => {
    expect(parseLedgerSpec({ kind: "http", name: "orders", target: "http://127.0.0.1:1" })).toMatchObject({
      rateHz: 20,
      timeoutMs: 1_000,
      settleMs: 30_000,
    });
  });

  it("names the allowed kinds and the bad fields", () => {
    expect(() => parseLedgerSpec({ kind: "mysql", name: "x" })).toThrow(
      'ledger.kind: expected one of postgres, redis, http; got "mysql"',
    );
    expect(() => parseLedgerSpec({ kind: "http", name: "x", target: "ftp://h" })).toThrow(/ledger\.target/);
    expect(() => parseLedgerSpec({ kind: "http", name: "x", target: "http://h", rate: 5 })).toThrow(/rate/);
    expect(() => parseLedgerSpec({ kind: "postgres", name: "x", target: "postgres://h/db", rateHz: 0 })).toThrow(
      /ledger\.rateHz/,
    );
  });

  it("wants exactly one of a redis URL or a sentinel group", () => {
    const sentinel = { sentinels: [{ host: "127.0.0.1", port: 26379 }], name: "main" };
    expect(() => parseLedgerSpec({ kind: "redis", name: "x" })).toThrow(/exactly one of target/);
    expect(() => parseLedgerSpec({ kind: "redis", name: "x", target: "redis://h", sentinel })).toThrow(/exactly one/);
    expect(parseLedgerSpec({ kind: "redis", name: "x", sentinel }).kind).toBe("redis");
  });
});

describe("createLedger", () => {
  it("redacts passwords and gives each writer its own run id", async () => {
    const spec = { kind: "postgres", name: "db", target: "postgres://app:s3cret@h1:5432,h2:5433/app?password=x" };
    const a = createLedger(spec);
    const b = createLedger(spec);
    expect(a.info.target).toBe("postgres://app:***@h1:5432,h2:5433/app?password=***");
    expect(a.info.runId).not.toBe(b.info.runId);
    await Promise.all([a.close(), b.close()]);
  });

  it("describes a sentinel target without its passwords", async () => {
    const writer = createLedger({
      kind: "redis",
      name: "cache",
      sentinel: { sentinels: [{ host: "127.0.0.1", port: 26379 }], name: "main", password: "pw" },
    });
    expect(writer.info.target).toBe("sentinel://127.0.0.1:26379/main");
    await writer.close();
  });
});
