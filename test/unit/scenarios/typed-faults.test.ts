// Typed scenario authoring, proved by the compiler itself (in process, no tsc
// child): the fixture compiles clean with its `@ts-expect-error` marks, and the
// same text without them has exactly one error per marked defect, on its line.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { FAULT_KINDS } from "../../../runners/faults/registry.ts";
import { authorKinds } from "./typed-faults.fixture.ts";

const FIXTURE = fileURLToPath(new URL("./typed-faults.fixture.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

let previous: ts.Program | undefined; // the second compile reuses every unchanged file of the first

function errorsOf(text: string): ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(`${ROOT}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === FIXTURE ? ts.createSourceFile(name, text, lang) : read(name, lang, ...rest));
  const program = ts.createProgram([FIXTURE], config.options, host, previous);
  previous = program;
  const file = program.getSourceFile(FIXTURE)!;
  // Only this file is checked (the rest is read for its types): seconds, not a whole-project check.
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
}

describe("defineScenario types each fault's params by its kind", () => {
  const text = readFileSync(FIXTURE, "utf8");
  const marked = text.split("\n").flatMap((l, i) => (l.trim().startsWith("// @ts-expect-error") ? [i + 1] : []));

  it("compiles the fixture: every marked defect is an error, the good scenario is not", () => {
    expect(marked.length).toBe(5);
    expect(errorsOf(text).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  }, 60_000);

  it("without the marks, each defect is a compile error on the line after its mark", () => {
    const bare = text.replace(/^(\s*)\/\/ @ts-expect-error/gm, "$1//");
    const lines = errorsOf(bare).map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1);
    expect([...new Set(lines)].sort((a, b) => a - b)).toEqual(marked.map((l) => l + 1));
  }, 60_000);

  it("types exactly the registry's current kinds, so the two lists cannot drift", () => {
    expect(Object.keys(authorKinds).sort()).toEqual(FAULT_KINDS.map((k) => k.kind).sort());
  });
});
