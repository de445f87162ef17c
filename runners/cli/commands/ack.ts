// `drill ack <step>`: acknowledge a manual step of the running game day from
// another shell — by its id or its number.
import { userInfo } from "node:os";
import { defineCommand } from "citty";
import { debugArg } from "../args.ts";
import { paint, println } from "../output.ts";

export const ackCommand = defineCommand({
  meta: { name: "ack", description: "Acknowledge a manual step of the running game day (from any shell)" },
  args: {
    step: { type: "positional", required: true, description: "The step's id or number", valueHint: "step" },
    by: { type: "string", description: "Who performed it (default: your user name)", valueHint: "name" },
    note: { type: "string", description: "What happened, for the report", valueHint: "text" },
    skip: { type: "boolean", description: "Record the step as skipped rather than done", default: false },
    ...debugArg,
  },
  async run({ args }) {
    const { writeAck } = await import("../../gameday/acks.ts");
    const { stateRoot } = await import("../../env/paths.ts");
    const by = args.by ?? userInfo().username;
    const { step } = writeAck(stateRoot(), String(args.step), { by, ...(args.note ? { note: args.note } : {}), ...(args.skip ? { skip: true } : {}) });
    println(`${paint.green(args.skip ? "skipped" : "acknowledged")} ${step.id}: ${step.text} ${paint.dim(`(by ${by})`)}`);
  },
});
