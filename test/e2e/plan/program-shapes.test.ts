// Programs written the ways Pulumi's nodejs runtime accepts them, evaluated by
// the real `drill plan` under the mock runtime.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drill, REPO } from "../../support/cli.ts";

const program = (name: string) => join(REPO, "test/fixtures/programs", name);
const planOf = (name: string) => {
  const r = drill(["plan", "--program", program(name), "--stack", "dev", "--json"]);
  expect(r.stderr.replace(/warning: .*\n?/g, "")).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { target: string; services: { name: string; description: string }[] };
};

describe("program shapes", () => {
  it("`export = async () => ({ … })` in a CommonJS program: the returned object is the stack outputs", () => {
    const plan = planOf("export-async-function");
    expect(plan.services.map((s) => s.name)).toEqual(["api"]);
    expect(plan.target).toBe("self-managed");
  });

  it("CommonJS `exports.continuityPlan = …` in plain JavaScript", () => {
    expect(planOf("commonjs-exports").services.map((s) => s.name)).toEqual(["queue"]);
  });

  it("package.json `main` is the entry and the program runs in its own folder", () => {
    expect(planOf("package-main").services[0]?.description).toBe("welcome to the shop");
  });

  it("a program that never settles ends with a message and exit 2, never a silent exit 13", () => {
    const r = drill(["plan", "--program", program("never-settling"), "--stack", "dev"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/never-settling\/index\.ts: the program never finished under the mock runtime/);
  });
});
