// Errors the engine raises carry the exit code the CLI should end with (2 bad
// input, 3 could not run) and, where known, the file and field at fault. Only the
// CLI edge turns them into output and an exit code.

export class DrillError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DrillError";
  }
}

/** Bad input: a plan, scenario, flag or journal. Exit 2. */
export class InputError extends DrillError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = "InputError";
  }
}

/** The drill or command could not run: environment, interruption, harness fault. Exit 3. */
export class RunError extends DrillError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 3, options);
    this.name = "RunError";
  }
}

/** Exit code of any error: ours carry one; anything else is a harness fault (3). */
export function exitCodeOf(error: unknown): 2 | 3 {
  const code = (error as { exitCode?: unknown })?.exitCode;
  return code === 2 || code === 3 ? code : 3;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
