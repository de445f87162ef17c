// Arguments shared by the commands that read a plan.
import type { ArgsDef } from "citty";

export const planSourceArgs = {
  stack: { type: "string", description: "Stack of this repo's program, or config of --program: local | aws", default: "local", valueHint: "name" },
  program: { type: "string", description: "A Pulumi program directory or entry file, evaluated under mocks (no Pulumi CLI)", valueHint: "dir|file" },
  plan: { type: "string", description: "A plan JSON file, e.g. from `pulumi stack output continuityPlan --json`", valueHint: "file" },
  "stack-name": { type: "string", description: "A deployed stack (org/project/stack), read through the Pulumi CLI", valueHint: "name" },
} as const satisfies ArgsDef;

export const jsonArg = {
  json: { type: "boolean", description: "Print machine-readable JSON instead of text", default: false },
} as const satisfies ArgsDef;

export const debugArg = {
  debug: { type: "boolean", description: "Show stack traces of errors", default: false },
} as const satisfies ArgsDef;

export function planSourceOf(args: { stack?: string; program?: string; plan?: string; "stack-name"?: string }) {
  return { stack: args.stack, program: args.program, plan: args.plan, stackName: args["stack-name"] };
}
