// The command fault with hostile names: real processes, no shell of ours. A
// target name or argument full of shell syntax must arrive as the exact string
// and run nothing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandFault } from "../../../runners/faults/command.ts";
import type { FaultContext } from "../../../runners/faults/fault.ts";
import { monotonicClock } from "../../../core/clock.ts";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "command-fault-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ctx = (): FaultContext => ({ faultId: "d-f0", clock: monotonicClock(), signal: new AbortController().signal, stateDir: dir, note: () => undefined });
const hostile = (d: string) => [
  `a"; touch ${d}/pwned1; echo "`,
  `$(touch ${d}/pwned2)`,
  `\`touch ${d}/pwned3\``,
  `x && touch ${d}/pwned4 || true`,
  `<script>alert(1)</script> | tee ${d}/pwned5`,
  "'single' \"double\" \\ $HOME * ?",
];
// Writes its arguments, as it received them, to $OUT.
const RECORD = ["node", "-e", "require('fs').writeFileSync(process.env.OUT, JSON.stringify(process.argv.slice(1)))", "--"];

describe("command fault: names and arguments cannot inject", () => {
  it("passes every argument as one exact string", async () => {
    const args = hostile(dir);
    const params = commandFault.params.parse({ inject: [...RECORD, ...args], heal: ["true"], env: { OUT: join(dir, "argv.json") } });
    const state = await commandFault.prepare(params, { kind: "none" }, ctx());
    await commandFault.inject(state, ctx());
    expect(JSON.parse(readFileSync(join(dir, "argv.json"), "utf8"))).toEqual(args);
    expect(readdirSync(dir).filter((f) => f.startsWith("pwned"))).toEqual([]);
  });

  it("hands a hostile target name over as an environment variable, never as shell text", async () => {
    for (const [i, name] of hostile(dir).entries()) {
      const out = join(dir, `node-${i}.txt`);
      // Even a user's own `sh -c` sees the name only through the variable.
      const params = commandFault.params.parse({ inject: ["sh", "-c", 'printf %s "$DRILL_TARGET_NODE" > "$OUT"'], heal: ["true"], env: { OUT: out } });
      const state = await commandFault.prepare(params, { kind: "node", service: "svc", node: name, address: "127.0.0.1:1" }, ctx());
      await commandFault.inject(state, ctx());
      expect(readFileSync(out, "utf8")).toBe(name);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith("pwned"))).toEqual([]);
  });

  it("a failing inject names the command and its exit status", async () => {
    const params = commandFault.params.parse({ inject: ["sh", "-c", "echo broken >&2; exit 7"], heal: ["true"] });
    const state = await commandFault.prepare(params, { kind: "none" }, ctx());
    await expect(commandFault.inject(state, ctx())).rejects.toThrow(/inject command .*exit 7.*broken/);
    expect(existsSync(join(dir, "pwned1"))).toBe(false);
  });
});
