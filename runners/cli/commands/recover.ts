// `drill recover`: heal every fault an interrupted or killed run left behind and
// restore full redundancy. Exit 0 when nothing is left, 3 when a fault could not be healed.
import { defineCommand } from "citty";
import { debugArg, jsonArg } from "../args.ts";
import { paint, printJson, println, progress } from "../output.ts";
import type { CommandOutcome } from "../outcome.ts";

export const recoverCommand = defineCommand({
  meta: { name: "recover", description: "Heal faults left by an interrupted or killed drill and restore full redundancy" },
  args: {
    stack: { type: "string", description: "Also restore this local stack's environment (default: only the systems the recorded faults' drills used)", valueHint: "name" },
    restore: { type: "boolean", description: "Also restore full redundancy of the systems the recorded drills used; --no-restore to only heal faults", default: true },
    ...jsonArg,
    ...debugArg,
  },
  async run({ args }) {
    const { recover } = await import("../../drill/recover.ts");
    const { stateRoot } = await import("../../env/paths.ts");
    const { leftoverFaults } = await import("../../faults/fault-journal.ts");
    const { recoverAdapter, systemsOf } = await import("../../drill/recover-scope.ts");
    // Only what this state directory recorded: the systems its leftover faults' drills used (plus --stack if named).
    const used = systemsOf(leftoverFaults(stateRoot()));
    const named = typeof args.stack === "string" ? [{ project: "", stack: args.stack, target: "local" }] : [];
    const stack = recoverAdapter([...used, ...named.filter((n) => !used.some((u) => u.target === "local" && u.stack === n.stack))]);
    const report = await recover(stateRoot(), args.restore ? stack : undefined, progress);
    const outcome: CommandOutcome = report.failed.length > 0 ? "could-not-run" : "met";
    if (args.json) {
      printJson(report);
      return outcome;
    }
    if (report.healed.length + report.swept.length === 0 && report.failed.length === 0) println(paint.green("no leftover faults"));
    for (const h of report.healed) println(`${paint.green("healed")}  ${h}`);
    for (const s of report.swept) println(`${paint.green("removed")} ${s}`);
    for (const j of report.marked) println(`${paint.green("marked")}  ${j} as interrupted`);
    for (const l of report.live) println(`${paint.dim("left to its running drill")} ${l}`);
    for (const f of report.failed) println(`${paint.red("FAILED")}  ${f}`);
    if (report.advice) println(report.advice);
    if (report.restored) println(report.restored);
    return outcome;
  },
});
