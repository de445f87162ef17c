// The factory the engine calls: plain-data spec in, a load generator out. k6
// runs when the spec names a script and a k6 binary is found; otherwise the
// built-in generator runs the same targets at the same rate — the result and
// `which` say which one ran, and `why`.
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { inputError } from "../../core/errors.ts";
import { BuiltinLoad } from "./builtin.ts";
import { K6Load, type K6Options } from "./k6.ts";
import type { LoadGenerator } from "./load.ts";
import { parseLoadSpec } from "./spec.ts";
import { onPath } from "./which.ts";

export interface CreateLoadOptions {
  /** A k6 binary; undefined: look for `k6` on PATH; null: always the built-in generator. */
  k6Path?: string | null;
  /** Where a relative `script` is found (default: the current directory). */
  baseDir?: string;
  /** Where the spec came from, for error messages (default "load"). */
  where?: string;
  /** Tuning of the k6 path (stop grace, poll interval). */
  k6?: Pick<K6Options, "stopGraceMs" | "pollMs">;
}

/** Validates `input` (an input DrillError naming the field) and builds the generator; starts nothing. */
export function createLoad(input: unknown, opts: CreateLoadOptions = {}): LoadGenerator {
  const where = opts.where ?? "load";
  const spec = parseLoadSpec(input, where);
  let script: string | undefined;
  if (spec.script !== undefined) {
    script = isAbsolute(spec.script) ? spec.script : resolve(opts.baseDir ?? process.cwd(), spec.script);
    if (!existsSync(script)) throw inputError(`${where}.script: no such file ${script}`, { field: `${where}.script` });
  }
  const k6 = opts.k6Path === null ? undefined : (opts.k6Path ?? onPath("k6"));
  if (script && k6) return new K6Load(spec, { k6Path: k6, script, ...opts.k6 });
  const load = new BuiltinLoad(spec);
  load.why = !script ? "built-in: the load names no k6 script" : opts.k6Path === null ? "built-in: k6 not wanted" : "built-in: no k6 on PATH";
  return load;
}
