// Small JSON state files (env state, fault journal, running drills, game-day
// acks): written atomically under a random temporary name, so two writers never
// share one `.tmp` and a reader never sees half a file; read back through a zod
// schema, so a hand-edited or foreign file is refused by field instead of
// travelling on as a lie about its type.
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { writeFileAtomic } from "./atomic-write.ts";

/** Write `value` as pretty JSON to `file` atomically (parent directories made). Throws an Error naming the file. */
export function writeStateFile(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, "state file");
}

/**
 * The value in `file`, checked by `schema`; undefined when the file does not exist.
 * Throws an Error `<file>: <reason>` (unreadable, not JSON, or the first field the
 * schema refuses, by its dotted path); callers add what to do about it.
 */
export function readStateFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`, { cause: parsed.error });
}
