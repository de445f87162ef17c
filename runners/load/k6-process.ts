// The k6 child process: started without a shell, its output kept (the tail
// only) for the result's detail, stopped with SIGINT — k6 then stops its VUs,
// flushes its outputs and prints its summary — and SIGKILLed if it has not
// exited within a bound, so a drill never waits on k6 forever.
import { spawn, type ChildProcess } from "node:child_process";
import type { K6Exit } from "./k6-exit.ts";

const KEEP_OUTPUT = 4_000;

export class K6Process {
  readonly exited: Promise<K6Exit & { spawnError?: string }>;
  private readonly child: ChildProcess;
  private output = "";
  private done = false;
  interrupted = false;

  constructor(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], env });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString("utf8")).slice(-KEEP_OUTPUT));
    this.child.stdout!.on("data", keep);
    this.child.stderr!.on("data", keep);
    this.exited = new Promise((resolve) => {
      this.child.once("error", (error) => ((this.done = true), resolve({ code: null, signal: null, spawnError: error.message })));
      this.child.once("exit", (code, signal) => ((this.done = true), resolve({ code, signal })));
    });
  }

  get running(): boolean {
    return !this.done;
  }

  /** The last lines k6 printed, for a detail line. */
  lastOutput(lines = 3): string {
    return this.output.trim().split("\n").slice(-lines).join(" / ");
  }

  /** SIGINT, then SIGKILL after `graceMs`; resolves with how it exited. */
  async stop(graceMs: number): Promise<K6Exit & { spawnError?: string }> {
    if (this.done) return this.exited;
    this.interrupted = true;
    this.child.kill("SIGINT");
    const timer = setTimeout(() => this.done || this.child.kill("SIGKILL"), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
