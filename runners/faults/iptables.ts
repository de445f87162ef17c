// iptables rules of ours, each tagged with a comment "drill:<faultId>" so that
// heal — and `drill recover` after a crash — finds and removes exactly ours and
// never touches anyone else's rules. Commands run without a shell.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { RunError } from "../../core/errors.ts";

const run = promisify(execFile);
export const TAG_PREFIX = "drill:";

export async function iptables(args: string[]): Promise<string> {
  try {
    const { stdout } = await run("iptables", ["-w", "5", ...args], { timeout: 15_000 });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") throw new RunError("iptables is not installed (apt-get install iptables)", { cause: error });
    throw new RunError(`iptables ${args.join(" ")} failed: ${e.stderr?.trim() || e.message}`, { cause: error });
  }
}

/** Insert a rule at the top of `chain`, tagged with the fault's id. */
export async function addRule(chain: "INPUT" | "OUTPUT", match: string[], tag: string): Promise<void> {
  await iptables(["-I", chain, ...match, "-m", "comment", "--comment", `${TAG_PREFIX}${tag}`, "-j", "DROP"]);
}

/** Remove every rule whose comment is ours (one fault's tag, or any of ours with tag "*"). */
export async function removeRules(tag: string | "*"): Promise<number> {
  let removed = 0;
  for (const chain of ["INPUT", "OUTPUT"] as const) {
    const listing = await iptables(["-S", chain]);
    for (const line of listing.split("\n")) {
      if (!line.startsWith(`-A ${chain} `) || !isOurs(line, tag)) continue;
      await iptables(["-D", ...splitRule(line.slice(3))]).catch(() => undefined);
      removed += 1;
    }
  }
  return removed;
}

export async function rulesOf(tag: string | "*"): Promise<string[]> {
  const out: string[] = [];
  for (const chain of ["INPUT", "OUTPUT"] as const) {
    out.push(...(await iptables(["-S", chain])).split("\n").filter((l) => l.startsWith("-A ") && isOurs(l, tag)));
  }
  return out;
}

function isOurs(line: string, tag: string): boolean {
  const m = /--comment "?([^"\s]+)"?/.exec(line);
  return m !== null && m[1]!.startsWith(TAG_PREFIX) && (tag === "*" || m[1] === `${TAG_PREFIX}${tag}`);
}

/** `iptables -S` output back into arguments; comments may be quoted. */
export function splitRule(rule: string): string[] {
  return [...rule.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}
