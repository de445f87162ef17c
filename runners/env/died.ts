// A process we started that died while we waited for it: said at once, with
// the end of its log (which says why), instead of at the timeout.
import { existsSync, readFileSync } from "node:fs";
import { environmentError } from "../../core/errors.ts";
import type { Ctx } from "./context.ts";
import { liveness } from "./records.ts";

export function logTail(file: string, lines = 5): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join(" | ");
}

/** Fail fast when one of `nodes` (default: every recorded one) has died. */
export function assertNoneDied(ctx: Ctx, nodes?: string[]): void {
  for (const r of Object.values(ctx.state.processes)) {
    if (nodes && !nodes.includes(r.node)) continue;
    if (liveness(r) === "dead") throw environmentError(`${r.service}: ${r.node} (pid ${r.pid}) exited while starting; its log ${r.log} ends: ${logTail(r.log)}`);
  }
}

