import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../../../scripts/schemas.ts";

describe("generated JSON Schema files", () => {
  it.each(Object.entries(jsonSchemas()))("%s is up to date (npm run schema)", (file, schema) => {
    const onDisk = JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8"));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
