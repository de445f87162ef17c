// iptables rules of ours, each tagged with a comment "drill:<faultId>" so that
// heal — and `drill recover` after a crash — finds and removes exactly ours and
// never touches anyone else's rules. Commands run without a shell.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { environmentError, faultError } from "../../core/errors.ts";
import type { Firewall } from "./os.ts";

const run = promisify(execFile);
export const TAG_PREFIX = "drill:";

/** The real `iptables -w 5 <args>`: "environment" when it is not installed, "fault" when it refuses. */
export async function runIptables(args: string[]): Promise<string> {
  try {
    const { stdout } = await run("iptables", ["-w", "5", ...args], { timeout: 15_000 });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") throw environmentError("iptables is not installed (apt-get install iptables)", {}, error);
    throw faultError(`iptables ${args.join(" ")} failed: ${e.stderr?.trim() || e.message}`, {}, error);
  }
}

const real: Firewall = { iptables: runIptables };

/** Insert a rule at the top of `chain`, tagged with the fault's id. */
export async function addRule(chain: "INPUT" | "OUTPUT", match: string[], tag: string, fw: Firewall = real): Promise<void> {
  await fw.iptables(["-I", chain, ...match, "-m", "comment", "--comment", `${TAG_PREFIX}${tag}`, "-j", "DROP"]);
}

/** Remove every rule whose comment is ours (one fault's tag, or any of ours with tag "*"). */
export async function removeRules(tag: string | "*", fw: Firewall = real): Promise<number> {
  let removed = 0;
  for (const chain of ["INPUT", "OUTPUT"] as const) {
    const listing = await fw.iptables(["-S", chain]);
    for (const line of listing.split("\n")) {
      if (!line.startsWith(`-A ${chain} `) || !isOurs(line, tag)) continue;
      await fw.iptables(["-D", ...splitRule(line.slice(3))]).catch(() => undefined);
      removed += 1;
    }
  }
  return removed;
}

export async function rulesOf(tag: string | "*", fw: Firewall = real): Promise<string[]> {
  const out: string[] = [];
  for (const chain of ["INPUT", "OUTPUT"] as const) {
    out.push(...(await fw.iptables(["-S", chain])).split("\n").filter((l) => l.startsWith("-A ") && isOurs(l, tag)));
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
