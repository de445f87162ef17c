// `drill` as a child process the test can signal mid-drill, with its output
// collected and an awaitable exit.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/drill.js", import.meta.url));

export interface DrillProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when `pattern` appears in stderr (the progress display's lines). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function startDrill(args: string[], env: Record<string, string> = {}): DrillProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: "1", CI: "1", ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
  return {
    child,
    output: () => out,
    exited,
    async waitFor(pattern, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > deadline) throw new Error(`${pattern} not seen within ${timeoutMs} ms; output:\n${out.slice(-3000)}`);
        if (child.exitCode !== null) throw new Error(`drill exited ${child.exitCode} before ${pattern}; output:\n${out.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
