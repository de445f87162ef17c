// Journals the report tests run over: the committed synthetic fixtures and, once
// the lead adds them, every real recorded journal in fixtures/journals/recorded/.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const JOURNALS = fileURLToPath(new URL("../../fixtures/journals/", import.meta.url));
export const RECORDED = fileURLToPath(new URL("../../fixtures/recorded-journals/", import.meta.url));
export const XSD = fileURLToPath(new URL("../../fixtures/junit/junit.xsd", import.meta.url));
export const RESULTS = fileURLToPath(new URL("../../../test-results/reports/", import.meta.url));

export const fixture = (name: string) => join(JOURNALS, `${name}.jsonl`);

const jsonl = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort().map((f) => join(dir, f)) : []);

/** The synthetic fixtures only: tests whose expectations are built on their dates and outcomes. */
export function syntheticJournals(): string[] {
  return jsonl(JOURNALS);
}

/** Every journal to render: synthetic fixtures first, then recorded ones. */
export function allJournals(): string[] {
  return [...jsonl(JOURNALS), ...jsonl(RECORDED)];
}

export const tmp = (prefix = "reports-") => mkdtempSync(join(tmpdir(), prefix));

/** Secrets planted in hostile-names.jsonl; none may reach any report. */
export const PLANTED_SECRETS = ["s3cretpw", "hunter2pw", "tok3nvalue", "k3yvalue", "AKIAIOSFODNN7EXAMPLE", "qs3cret", "envs3cret"];
