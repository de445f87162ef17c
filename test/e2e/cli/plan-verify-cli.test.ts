// End to end: the real `drill` command on this repo's stack and on a user's own
// Pulumi program that imports our component library.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { drill, REPO } from "../../support/cli.ts";

const fixture = (name: string) => join(REPO, "test/fixtures", name);

describe("drill plan", () => {
  it("prints the three local services with their objectives", () => {
    const r = drill(["plan", "--stack", "local"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/orders-db\s+1\s+30s\s+0s\s+4h/);
    expect(r.stdout).toMatch(/sessions-cache\s+2\s+10s\s+5s\s+1h/);
    expect(r.stdout).toMatch(/web\s+1\s+1m\s+0s\s+4h\s+50%/);
    expect(r.stdout).toContain("└── sessions-cache (hard)");
  });

  it("--json is valid against the generated JSON Schema", () => {
    const r = drill(["plan", "--stack", "local", "--json"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(readFileSync(join(REPO, "stacks/plan.schema.json"), "utf8"));
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    const plan = JSON.parse(r.stdout);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    plan.services[0].objectives.rto = "5 minutes";
    expect(validate(plan)).toBe(false);
  });

  it("rejects a malformed plan with exit 2 naming file, service and field, without a stack trace", () => {
    const r = drill(["plan", "--plan", fixture("plans/bad-duration.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-duration\.json: service "db" \(services\[0\]\) objectives\.rto: expected a duration/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a program that throws with exit 2 naming the file", () => {
    const r = drill(["plan", "--program", fixture("throwing-program")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/throwing-program\/index\.ts: the Pulumi program failed under the mock runtime: Missing required configuration variable 'throwing-program:region'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects unknown flags and conflicting sources with exit 2", () => {
    expect(drill(["plan", "--stak", "local"])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown flag --stak") });
    expect(drill(["plan", "--plan", "a.json", "--program", "."])).toMatchObject({ code: 2, stderr: expect.stringContaining("both name a plan") });
  });

  it("explains how to export a plan when no Pulumi CLI is installed", () => {
    const r = drill(["plan", "--stack-name", "acme/shop/prod"], { env: { PATH: "/usr/bin:/bin" } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("pulumi stack output continuityPlan --json");
  });
});

describe("drill verify on a user's Pulumi program", () => {
  it("reports rule ids with service and field, exit 1 on errors", () => {
    const r = drill(["verify", "--program", fixture("user-program"), "--stack", "dev", "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { rule: string; service: string; field: string }) => `${f.rule} ${f.service} ${f.field}`)).toEqual([
      "V5 ledger hazards[0]",
      "V6 ledger runbook",
      "V6 ledger runbook[0].role",
      "V7 ledger objectives.rpo",
    ]);
  });

  it("exits 0 when the findings are fixed, from a copy outside this repository", () => {
    const dir = mkdtempSync(join(tmpdir(), "user-program-"));
    cpSync(fixture("user-program"), dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "acme", type: "module" }));
    const index = join(dir, "index.ts");
    writeFileSync(
      index,
      readFileSync(index, "utf8")
        .replace('replication: "asynchronous"', 'replication: "synchronous"')
        .replace('{ step: "promote the replica", automated: false }', '{ step: "promote the replica", role: "dba", automated: false }'),
    );
    writeFileSync(
      join(dir, "scenarios/dev/ledger-node-loss.ts"),
      'export default { service: "ledger", hazard: "node-loss", faults: [{ kind: "process.kill", target: { role: "primary" } }], workload: { probes: [{ kind: "postgres", endpoint: "primary" }] } };\n',
    );
    const r = drill(["verify", "--program", dir, "--stack", "dev"]);
    expect(r.stdout).toContain("no findings");
    expect(r.code).toBe(0);
  });

  it("reads a CommonJS-typed program (no \"type\": \"module\", as `pulumi new typescript` makes it)", () => {
    const dir = mkdtempSync(join(tmpdir(), "user-program-cjs-"));
    cpSync(fixture("user-program"), dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "acme", main: "index.ts" }));
    const r = drill(["plan", "--program", dir, "--stack", "dev", "--json"]);
    expect(r.stderr).not.toMatch(/require\(\)|ERR_/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).services.map((s: { name: string }) => s.name)).toEqual(["ledger", "api"]);
  });

  it("reports a dependency cycle as invalid input (exit 2) with rule V3", () => {
    const r = drill(["verify", "--plan", fixture("plans/dependency-cycle.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("V3: dependency cycle");
  });
});
