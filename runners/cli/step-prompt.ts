// The game day at the terminal: each manual step is shown with its role, and the
// operator answers with Enter (done), "s" (skip) or a note. `drill ack` from
// another shell answers the same step; whichever comes first wins.
import { createInterface } from "node:readline";
import type { Prompter } from "../gameday/step-runner.ts";
import { paint } from "./output.ts";

export function terminalPrompter(by: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Prompter | undefined {
  if (!input.isTTY) return undefined;
  return (step, index, of, signal) =>
    new Promise((resolve) => {
      output.write(`\n${paint.bold(`Step ${index + 1}/${of}`)} ${step.role ? paint.cyan(`[${step.role}] `) : ""}${step.text}\n`);
      output.write(paint.dim(`  (or from another shell: npx drill ack ${step.id} --by NAME)\n`));
      const rl = createInterface({ input, output, terminal: true });
      const finish = (answer: Parameters<typeof resolve>[0]) => {
        rl.close();
        resolve(answer);
      };
      signal.addEventListener("abort", () => finish(undefined), { once: true });
      rl.question("  Enter when done · s + Enter to skip · or type a note, then Enter: ", (text) => {
        const t = text.trim();
        if (t.toLowerCase() === "s") finish({ by, skip: true });
        else finish({ by, ...(t ? { note: t } : {}) });
      });
    });
}

/** Lessons learned, one per line, until an empty line (terminal only). */
export function terminalLessons(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): (() => Promise<string[]>) | undefined {
  if (!input.isTTY) return undefined;
  return () =>
    new Promise((resolve) => {
      const lessons: string[] = [];
      const rl = createInterface({ input, output, terminal: true });
      output.write(`\n${paint.bold("Lessons learned")} (one per line, empty line to finish)\n`);
      rl.setPrompt("  > ");
      rl.prompt();
      rl.on("line", (line) => {
        if (!line.trim()) return rl.close();
        lessons.push(line.trim());
        rl.prompt();
      });
      rl.on("close", () => resolve(lessons));
    });
}
