// A SQL write load as plain data: a pgbench-like transaction (update one
// account's balance, append one history row) sent open loop at a fixed rate to
// the service's PostgreSQL endpoint, always to the primary
// (target_session_attrs=primary unless the URL says otherwise).
import { z } from "zod";
import { parseDuration } from "../../core/duration.ts";
import { inputError } from "../../core/errors.ts";
import { problemsOf } from "../../stacks/lib/issues.ts";
import { Duration } from "../../stacks/lib/schema.ts";

export const SqlWriteSpecSchema = z.strictObject({
  name: z.string().min(1).max(100).default("sql-writes"),
  url: z.string().regex(/^postgres(ql)?:\/\/\S+$/, "expected a postgres:// URL"),
  rateHz: z.number().positive().max(5_000),
  /** Transactions in flight at most (= connections); sends beyond it are recorded as shed. */
  maxInFlight: z.int().min(1).max(200).default(16),
  timeoutMs: z.number().positive().max(60_000).default(2_000),
  /** Rows of the accounts table (pgbench's scale, in rows): updates spread over them. */
  accounts: z.int().min(1).max(1_000_000).default(1_000),
  /** Table prefix: <prefix>_accounts, <prefix>_history. */
  tablePrefix: z.string().regex(/^[a-z_][a-z0-9_]{0,40}$/, "expected a lower-case SQL identifier").default("drill_sql"),
  durationCap: Duration.default("30m"),
});

export type SqlWriteSpec = Omit<z.infer<typeof SqlWriteSpecSchema>, "durationCap"> & { durationCapMs: number };

/** Validates (an input error naming `where` and the field) and resolves durations. */
export function parseSqlWriteSpec(input: unknown, where = "load"): SqlWriteSpec {
  const parsed = SqlWriteSpecSchema.safeParse(input);
  if (!parsed.success) throw inputError(problemsOf(parsed.error).map((p) => `${where}${p.path === "(top level)" ? "" : `.${p.path}`}: ${p.message}`).join("\n"), { field: where });
  const { durationCap, ...rest } = parsed.data;
  return { ...rest, durationCapMs: parseDuration(durationCap) };
}
