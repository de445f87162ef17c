import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../../../scripts/schemas.ts";
import { fieldReference } from "../../../scripts/field-reference.ts";

describe("generated JSON Schema files", () => {
  it.each(Object.entries(jsonSchemas()))("%s is up to date (npm run schema)", (file, schema) => {
    const onDisk = JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8"));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it("docs/fields.md is up to date (npm run schema) and lists units, defaults and ranges", () => {
    const text = fieldReference();
    expect(readFileSync(new URL("../../../docs/fields.md", import.meta.url), "utf8")).toBe(text);
    expect(text).toMatch(/\| `services\[\]\.objectives\.rto` \| string \|/);
    expect(text).toMatch(/\| `target` \| `"local"` \\\| `"self-managed"` \\\| `"aws"` \| yes/);
    expect(text).toMatch(/`workload\.probes\[\]\.rateHz` \| number \| .* ≤ 1000/);
  });
});
