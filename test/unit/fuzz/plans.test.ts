// Fuzzed plans through the real CLI edge: anything that is not a valid plan
// exits 2 with a message naming the file (and, for schema problems, the field),
// never a stack trace and never exit 0.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Plan } from "../../../stacks/lib/schema.ts";
import { validatePlan } from "../../../stacks/lib/index.ts";
import { cliInProcess } from "../../support/run-cli-in-process.ts";
import { cleanPlan, mutation, applyMutation } from "./arbitraries.ts";

const dir = mkdtempSync(join(tmpdir(), "fuzz-plans-"));
let n = 0;
const file = (text: string) => {
  const f = join(dir, `plan-${n++}.json`);
  writeFileSync(f, text);
  return f;
};
const isValid = (v: unknown) => {
  try {
    validatePlan(v, "x");
    return true;
  } catch {
    return false;
  }
};

function expectCleanRejection(r: { code: number; stderr: string; stdout: string }, f: string) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(f);
  expect(r.stderr).not.toMatch(/\n\s+at [\w.<]+ \(/);
  expect(r.stdout).toBe("");
}

describe("fuzzed plans through `drill plan --plan`", () => {
  it("arbitrary JSON values are rejected cleanly (300 cases)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        fc.pre(!Plan.safeParse(value).success);
        const f = file(JSON.stringify(value));
        expectCleanRejection(await cliInProcess(["plan", "--plan", f]), f);
      }),
      { numRuns: 300 },
    );
  });

  it("arbitrary text is rejected cleanly (150 cases)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const f = file(text);
        expectCleanRejection(await cliInProcess(["plan", "--plan", f]), f);
      }),
      { numRuns: 150 },
    );
  });

  it("mutations of a valid plan: exit 2 naming file and field, or exit 0 when still valid (400 cases)", async () => {
    await fc.assert(
      fc.asyncProperty(mutation(), async (m) => {
        const mutated = applyMutation(cleanPlan(), m);
        const f = file(JSON.stringify(mutated));
        const r = await cliInProcess(["plan", "--plan", f, "--json"]);
        if (isValid(mutated)) {
          expect(r.code, r.stderr).toBe(0);
          return;
        }
        expectCleanRejection(r, f);
        expect(r.stderr).toMatch(/services\[\d+\]|service "|\(top level\)|version|project|stack|target|services|region/);
      }),
      { numRuns: 400 },
    );
  });
});
