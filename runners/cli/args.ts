// Arguments shared by the commands that read a plan.
import type { ArgsDef } from "citty";
import { inputError } from "../../core/errors.ts";

export const planSourceArgs = {
  stack: { type: "string", description: "Stack of this repo's program, or config of --program: local | aws", default: "local", valueHint: "name" },
  program: { type: "string", description: "A Pulumi program directory or entry file, evaluated under mocks (no Pulumi CLI)", valueHint: "dir|file" },
  plan: { type: "string", description: "A plan JSON file, e.g. from `pulumi stack output continuityPlan --json`", valueHint: "file" },
  "stack-name": { type: "string", description: "A deployed stack (org/project/stack), read through the Pulumi CLI", valueHint: "name" },
  config: { type: "string", description: "Config for --program, as `pulumi config set` would hold it (repeatable): key=value, key in the project's namespace unless it names one", valueHint: "key=value" },
  "stack-reference": { type: "string", description: "Outputs of a StackReference for --program (repeatable): name=FILE, FILE from `pulumi stack output --json`", valueHint: "name=file" },
} as const satisfies ArgsDef;

export const jsonArg = {
  json: { type: "boolean", description: "Print machine-readable JSON instead of text", default: false },
} as const satisfies ArgsDef;

export const debugArg = {
  debug: { type: "boolean", description: "Show stack traces of errors", default: false },
} as const satisfies ArgsDef;

type Repeated = string | string[] | undefined;

export function planSourceOf(args: { stack?: string; program?: string; plan?: string; "stack-name"?: string; config?: Repeated; "stack-reference"?: Repeated }) {
  return {
    stack: args.stack, program: args.program, plan: args.plan, stackName: args["stack-name"],
    config: pairs(repeated("config", args.config), "--config", "key=value"),
    stackReferences: pairs(repeated("stack-reference", args["stack-reference"]), "--stack-reference", "name=FILE"),
  };
}

/**
 * Every value of a repeatable flag. citty (node's parseArgs without `multiple`)
 * keeps only the last `--config a=1 --config b=2`; the command line has them all.
 */
function repeated(name: string, parsed: Repeated, argv: readonly string[] = process.argv): Repeated {
  const values: string[] = [];
  argv.forEach((a, i) => {
    if (a === `--${name}` && argv[i + 1] !== undefined) values.push(argv[i + 1]!);
    else if (a.startsWith(`--${name}=`)) values.push(a.slice(name.length + 3));
  });
  return values.length > 0 ? values : parsed;
}

/** Repeated `--flag a=b` values as { a: "b" }; a value without "=" is bad input (exit 2). */
function pairs(values: Repeated, flag: string, shape: string): Record<string, string> | undefined {
  if (values === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const v of ([] as string[]).concat(values)) {
    const at = v.indexOf("=");
    if (at <= 0) throw inputError(`${flag} ${v}: expected ${shape}`);
    out[v.slice(0, at)] = v.slice(at + 1);
  }
  return out;
}
