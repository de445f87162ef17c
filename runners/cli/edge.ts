// The CLI edge: the only place that prints errors and sets exit codes.
// citty parses and renders help; this adds what a tool for CI needs — unknown
// flags rejected (exit 2, naming the flag), errors as one clear message, a stack
// trace only with --debug, and exit codes from docs/design.md.
import { renderUsage, runCommand, type ArgsDef, type CommandDef } from "citty";
import { exitCodeOf, kindOf, messageOf, inputError } from "../../core/errors.ts";
import { exitCodeOfOutcome } from "./outcome.ts";
import { paint } from "./output.ts";

type AnyCommand = CommandDef<ArgsDef>;

const resolve = async <T>(v: T | (() => T | Promise<T>) | Promise<T>): Promise<T> =>
  typeof v === "function" ? await (v as () => T | Promise<T>)() : await v;

/** Follow positional words down the sub-command tree, as citty will. */
async function commandChain(root: AnyCommand, argv: string[]): Promise<{ chain: AnyCommand[]; rest: string[] }> {
  const chain = [root];
  let rest = argv;
  for (;;) {
    const current = chain[chain.length - 1]!;
    const subs = current.subCommands ? await resolve(current.subCommands) : undefined;
    const index = rest.findIndex((a) => !a.startsWith("-"));
    if (!subs || index < 0) return { chain, rest };
    const name = rest[index]!;
    const sub = (subs as Record<string, unknown>)[name];
    if (!sub) {
      throw inputError(`unknown command "${name}"; commands: ${Object.keys(subs).join(", ")} (see --help)`);
    }
    chain.push((await resolve(sub as AnyCommand)) as AnyCommand);
    rest = [...rest.slice(0, index), ...rest.slice(index + 1)];
  }
}

const GLOBAL_FLAGS = new Set(["debug", "help", "h"]);

function checkFlags(command: AnyCommand, args: ArgsDef, rest: string[]): void {
  const known = new Map<string, { type?: string }>();
  for (const [name, def] of Object.entries(args)) {
    const d = def as { type?: string; alias?: string | string[] };
    known.set(name, d);
    for (const alias of [d.alias ?? []].flat()) known.set(alias, d);
  }
  for (const word of rest) {
    if (!word.startsWith("-") || word === "-" || word === "--") continue;
    const flag = word.replace(/^--?/, "").split("=")[0]!;
    const base = flag.startsWith("no-") && !known.has(flag) ? flag.slice(3) : flag;
    if (known.has(base) || known.has(camel(base)) || GLOBAL_FLAGS.has(base)) continue;
    const name = (command.meta as { name?: string } | undefined)?.name ?? "drill";
    const flags = Object.keys(args).filter((k) => (args[k] as { type?: string }).type !== "positional");
    throw inputError(`unknown flag ${word} for "${name}"; flags: ${flags.map((f) => `--${f}`).join(", ") || "none"}`);
  }
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export async function runCli(root: AnyCommand, argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const { chain, rest } = await commandChain(root, argv);
    const leaf = chain[chain.length - 1]!;
    const parent = chain.length > 1 ? chain[chain.length - 2] : undefined;
    if (argv.includes("--help") || argv.includes("-h") || (!leaf.run && leaf.subCommands)) {
      const asked = argv.includes("--help") || argv.includes("-h");
      const stream = asked ? process.stdout : process.stderr;
      const usage = await renderUsage(leaf, parent);
      // citty colours its usage whatever the stream; colour belongs on a terminal only.
      const plain = !stream.isTTY || "NO_COLOR" in process.env;
      stream.write(`${plain ? stripAnsi(usage) : usage}\n`);
      return asked ? 0 : 2;
    }
    checkFlags(leaf, leaf.args ? await resolve(leaf.args) : {}, rest);
    const { result } = await runCommand(leaf, { rawArgs: rest });
    return exitCodeOfOutcome(result);
  } catch (error) {
    const code = (error as { code?: string })?.code?.startsWith?.("E_") ? 2 : exitCodeOf(error);
    process.stderr.write(`${paint.red("drill:")} ${messageOf(error)}\n`);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n${causeChain(error)}`);
    else if (kindOf(error) === "internal") process.stderr.write("(run with --debug for the stack trace)\n");
    return code;
  }
}

function causeChain(error: Error): string {
  let out = "";
  for (let c = error.cause; c; c = (c as Error).cause) out += `caused by: ${c instanceof Error ? c.stack : String(c)}\n`;
  return out;
}
