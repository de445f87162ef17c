// Writes reports/json/result-schema.json from the zod schema. A unit test fails
// when the file is stale: run `npx tsx reports/json/write-schema.ts`.
import { writeFileSync } from "node:fs";
import { resultJsonSchema } from "./result-schema.ts";

export const RESULT_SCHEMA_FILE = new URL("./result-schema.json", import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(RESULT_SCHEMA_FILE, `${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
  process.stdout.write("wrote reports/json/result-schema.json\n");
}
