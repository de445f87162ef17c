import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { renderJson } from "../../../reports/json/render.ts";
import { resultJsonSchema } from "../../../reports/json/result-schema.ts";
import { RESULT_SCHEMA_FILE } from "../../../reports/json/write-schema.ts";
import { loadDrill } from "../../../reports/model/load.ts";
import { allJournals, fixture, PLANTED_SECRETS } from "./fixtures.ts";

const schema = JSON.parse(readFileSync(RESULT_SCHEMA_FILE, "utf8"));
// ajv is CommonJS: under NodeNext its class is the default export's `default`.
const validate = new Ajv2020.default({ strict: false, allErrors: true }).compile(schema);
const render = async (...files: string[]) => JSON.parse(renderJson(await Promise.all(files.map(loadDrill)), { name: "continuity-drill", version: "test" }));

describe("JSON result", () => {
  it("result-schema.json is up to date (npx tsx reports/json/write-schema.ts)", () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(resultJsonSchema())));
  });

  it("validates against its schema, all journals at once", async () => {
    const result = await render(...allJournals());
    expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(result.totals.drills).toBe(allJournals().length);
  });

  it("the schema is strict enough to catch a wrong result", async () => {
    const result = await render(fixture("missed-rto"));
    result.drills[0].outcome = "sort-of";
    expect(validate(result)).toBe(false);
    delete result.drills[0].journal.sha256;
    expect(validate(result)).toBe(false);
  });

  it("carries the journal's summary unchanged plus derived timing and the hash", async () => {
    const d = await loadDrill(fixture("passed-orders-db-node-loss"));
    const [r] = (await render(fixture("passed-orders-db-node-loss"))).drills;
    expect(r.summary).toEqual(JSON.parse(JSON.stringify(d.summary)));
    expect(r.journal.sha256).toBe(d.sha256);
    expect(r.timing).toMatchObject({ t0: 12_000, t0At: "2025-03-14T09:27:05.000Z", recoveredAt: 19_400, rtoDeadline: 42_000 });
    expect(r.context.failoverTargets[0]).toMatchObject({ name: "orders-db-standby", via: "pg_auto_failover" });
  });

  it("an interrupted drill has a null summary", async () => {
    const [r] = (await render(fixture("interrupted-no-summary"))).drills;
    expect(r.summary).toBeNull();
    expect(r.outcome).toBe("interrupted");
  });

  it("leaks no secret", async () => {
    const text = JSON.stringify(await render(fixture("hostile-names")));
    for (const s of PLANTED_SECRETS) expect(text).not.toContain(s);
  });
});
