// Writes the JSON Schema files generated from the zod schemas, for editors and
// for validating `drill plan --json`. A unit test fails when they are stale.
import { writeFileSync } from "node:fs";
import { fieldReference } from "./field-reference.ts";
import { jsonSchemas } from "./schemas.ts";

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
writeFileSync(new URL("../docs/fields.md", import.meta.url), fieldReference());
process.stdout.write("wrote docs/fields.md\n");
