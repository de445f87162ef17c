// Fuzzed scenarios, journals and command lines: each either works or is
// rejected as bad input (exit code 2) with a message naming the file (and line
// or field) — never another kind of exception, never a stack trace.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareScenario } from "../../../runners/drill/prepare.ts";
import { loadPlanFile } from "../../../runners/plan/load.ts";
import { readJournal } from "../../../journal/read.ts";
import { cliInProcess } from "../../support/run-cli-in-process.ts";
import { hostile } from "./arbitraries.ts";

const PLAN_FILE = fileURLToPath(new URL("../../fixtures/plans/clean.json", import.meta.url));
const plan = loadPlanFile(PLAN_FILE).plan;
const dir = mkdtempSync(join(tmpdir(), "fuzz-"));
let n = 0;

const scenario = fc.record(
  {
    service: fc.oneof(fc.constantFrom("db", "api"), fc.string(), hostile),
    hazard: fc.oneof(fc.constant("node-loss"), fc.string()),
    faults: fc.array(fc.record({ kind: fc.oneof(fc.constantFrom("process.kill", "process.pause", "net.partition", "net.latency", "command"), fc.string()), target: fc.oneof(fc.constant({ role: "primary" }), fc.constant({ node: "a" }), fc.jsonValue()), params: fc.oneof(fc.constant({}), fc.dictionary(fc.string(), fc.jsonValue())), duration: fc.oneof(fc.constant("1s"), fc.string()) }, { requiredKeys: ["kind"] }), { maxLength: 2 }),
    workload: fc.oneof(fc.constant({ probes: [{ kind: "postgres" }] }), fc.jsonValue(), fc.record({ probes: fc.array(fc.record({ kind: fc.oneof(fc.constantFrom("http", "tcp", "postgres", "redis"), fc.string()), rateHz: fc.oneof(fc.integer(), fc.double()), endpoint: fc.string() }, { requiredKeys: ["kind"] }), { maxLength: 2 }) })),
    windows: fc.oneof(fc.constant(undefined), fc.dictionary(fc.constantFrom("steady", "baseline", "stableFor", "after", "observeTimeout", "other"), fc.oneof(fc.constant("2s"), fc.string(), fc.integer()))),
    steps: fc.oneof(fc.constant(undefined), fc.array(fc.record({ runbook: fc.integer({ min: -1, max: 3 }), text: fc.string(), timeLimit: fc.string() }, { requiredKeys: [] }), { maxLength: 2 })),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe("fuzzed inputs", () => {
  it("scenarios: accepted, or an input error naming the file (500 cases)", () => {
    fc.assert(
      fc.property(scenario, (value) => {
        try {
          prepareScenario(value, "scenarios/fuzz/x.ts", "x", plan, "fuzz");
        } catch (error) {
          const e = error as Error & { kind?: string };
          expect(e.kind, `${e.name}: ${e.message}`).toBe("input");
          expect(e.message).toContain("scenarios/fuzz/x.ts");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("journals: read, or an input error naming file:line (300 cases)", () => {
    const line = fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string(), fc.constant('{"type":"sample","probe":"p","seq":1,"t":1,"ok":true,"latencyMs":1}'));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const f = join(dir, `journal-${n++}.jsonl`);
        writeFileSync(f, lines.join("\n"));
        try {
          readJournal(f);
        } catch (error) {
          const e = error as Error & { kind?: string };
          expect(e.kind, `${e.name}: ${e.message}`).toBe("input");
          expect(e.message).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+`));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("command lines: a known exit code, never a stack trace; unknown flags exit 2 (250 cases)", async () => {
    const word = fc.oneof(
      fc.constantFrom("plan", "verify", "ack", "--json", "--stack", "dev", "--plan", PLAN_FILE, "--program", "/nonexistent", "--repeat", "--bogus", "-x", "--", "=", "--no-json", "--stack-name", "a/b/c"),
      fc.string({ maxLength: 12 }),
      hostile,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("plan", "verify", "ack", "frobnicate"), fc.array(word, { maxLength: 5 }), async (cmd, rest) => {
        const r = await cliInProcess([cmd, ...rest]);
        expect([0, 1, 2, 3]).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at [\w.<]+ \(/);
        if (cmd === "frobnicate") expect(r.code).toBe(2);
        const known = new Set(["--json", "--no-json", "--stack", "--plan", "--program", "--stack-name", "--debug", "--help", "--by", "--note", "--skip", "--scenarios", "--", "-h"]);
        const unknownFlag = rest.find((w) => /^--?[^-]/.test(w) && !known.has(w.split("=")[0]!) && !(cmd === "ack" && !rest.slice(0, rest.indexOf(w)).some((x) => !x.startsWith("-"))));
        if (unknownFlag && cmd !== "ack" && !rest.includes("--help") && !rest.includes("-h")) expect(r.code, `${JSON.stringify(rest)}: ${r.stderr}`).toBe(2);
      }),
      { numRuns: 250 },
    );
  });
});
