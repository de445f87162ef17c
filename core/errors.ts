// One error type for the whole harness. An error says what it means (its kind),
// where (file, field, node, fault) and what happened; only the CLI edge turns a
// kind into an exit code (docs/design.md "Exit codes of drill": 2 invalid input, 3 the
// drill could not run). Nothing below the CLI knows exit codes.

/**
 * What went wrong, in the harness's terms:
 * - `input`: a plan, scenario, flag, config or journal the user gave is invalid.
 * - `environment`: something the drill needs is missing or refuses (a tool, a port, a stack, credentials).
 * - `fault`: injecting, checking or healing a fault failed.
 * - `interrupted`: the user or a signal stopped the run.
 * - `internal`: a harness bug; anything not raised as a DrillError is treated as this.
 */
export type ErrorKind = "input" | "environment" | "fault" | "interrupted" | "internal";

/** Where an error is: any of the file, the field inside it, the node or fault concerned. */
export interface ErrorWhere {
  file?: string;
  field?: string;
  node?: string;
  fault?: string;
}

export class DrillError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly where: ErrorWhere = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DrillError";
  }
}

/** Invalid user input (a plan, scenario, flag, config or journal). */
export const inputError = (message: string, where?: ErrorWhere, cause?: unknown) => new DrillError("input", message, where, { cause });
/** Something the run needs is missing or refuses. */
export const environmentError = (message: string, where?: ErrorWhere, cause?: unknown) => new DrillError("environment", message, where, { cause });
/** Injecting, checking or healing a fault failed. */
export const faultError = (message: string, where?: ErrorWhere, cause?: unknown) => new DrillError("fault", message, where, { cause });



const KINDS: ReadonlySet<string> = new Set<ErrorKind>(["input", "environment", "fault", "interrupted", "internal"]);

/**
 * The kind of any thrown value: ours carry one; anything else is a harness fault.
 * Read by shape, not by class: a user's program loads its own copy of our
 * package (continuity-drill/stacks), whose DrillError is another class.
 */
export function kindOf(error: unknown): ErrorKind {
  const kind = error instanceof Error ? (error as { kind?: unknown }).kind : undefined;
  return typeof kind === "string" && KINDS.has(kind) ? (kind as ErrorKind) : "internal";
}

/** Exit code of an error kind — for the CLI edge only (docs/design.md: 2 invalid input, 3 could not run). */
export function exitCodeOfKind(kind: ErrorKind): 2 | 3 {
  return kind === "input" ? 2 : 3;
}

/** Exit code of any error — for the CLI edge only. */
export function exitCodeOf(error: unknown): 2 | 3 {
  return exitCodeOfKind(kindOf(error));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
