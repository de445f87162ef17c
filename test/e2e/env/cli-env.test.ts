// `drill env` at the CLI edge, without starting anything: exit codes for bad
// input, and a state dir of its own so a running env is never touched.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { statusText } from "../../../runners/cli/commands/env.ts";
import { drill } from "../../support/cli.ts";

const env = { DRILL_STATE_DIR: mkdtempSync(join(tmpdir(), "drill-env-cli-")) };
afterAll(() => rmSync(env.DRILL_STATE_DIR, { recursive: true, force: true }));

describe("drill env", () => {
  it("lists its subcommands in help", () => {
    const r = drill(["env", "--help"], { env });
    expect(r.code).toBe(0);
    for (const sub of ["up", "down", "status", "heal", "bootstrap"]) expect(r.stdout).toMatch(new RegExp(`^\\s+${sub}\\s`, "m"));
  });

  it("rejects a bad flag or value with exit 2, naming it", () => {
    expect(drill(["env", "up", "--bogus"], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining("--bogus") });
    expect(drill(["env", "up", "--timeout", "soon"], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining("--timeout") });
    expect(drill(["env", "status", "--stack", "aws"], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining('target is "aws"') });
  });

  it("heal without a running env is exit 3 with the command to run", () => {
    const r = drill(["env", "heal"], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("drill env up");
  });

  it("renders members with role, process and health", () => {
    const text = statusText({
      stack: "local", up: false,
      members: [
        { service: "orders-db", node: "node-a", role: "primary", address: "127.0.0.1:15431", pid: 42, pgid: 42, process: "running", healthy: true, detail: "monitor: primary → primary" },
        { service: "orders-db", node: "node-b", role: "unknown", address: "127.0.0.1:15432", process: "dead", healthy: false, detail: "not answering" },
      ],
    });
    expect(text).toContain("stack local: not fully up");
    expect(text).toMatch(/node-a\s+primary\s+127\.0\.0\.1:15431\s+42\s+running\s+ok/);
    expect(text).toMatch(/node-b\s+unknown\s+127\.0\.0\.1:15432\s+—\s+dead\s+NOT OK\s+not answering/);
  });
});
