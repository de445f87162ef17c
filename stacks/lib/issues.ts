// Turning a zod failure into one line per problem that names where it is:
// `services[1] "orders-db" objectives.rto: expected a duration …`.
import { DrillError } from "../../core/errors.ts";

export interface FieldProblem {
  /** Dotted path of the field, e.g. `services[1].objectives.rto`. */
  path: string;
  message: string;
}

export function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(top level)";
}

/** What problemsOf reads of a zod error; structural, so the published .d.ts need not mention zod. */
export interface SchemaIssues {
  issues: readonly { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }[];
}

export function problemsOf(error: SchemaIssues): FieldProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === "unrecognized_keys" && issue.keys) message = `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    return { path: pathText(issue.path), message };
  });
}

/** A plan or declaration that does not fit the schema: a DrillError of kind "input" naming the source and each field. */
export class PlanInputError extends DrillError {
  constructor(
    readonly source: string,
    readonly problems: FieldProblem[],
  ) {
    super(
      "input",
      problems.length === 1
        ? `${source}: ${problems[0]!.path}: ${problems[0]!.message}`
        : `${source}: ${problems.length} problems:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`,
      { file: source, ...(problems.length === 1 ? { field: problems[0]!.path } : {}) },
    );
    this.name = "PlanInputError";
  }
}
