// A ledger as plain data, as a scenario declares it. Validated strictly: a typo
// names its field instead of silently falling back to a default.
import { z } from "zod";
import { ledgerKinds } from "../../scenarios/kinds.ts";
import { inputError } from "../../core/errors.ts";

const hostPort = z.strictObject({ host: z.string().min(1), port: z.number().int().min(1).max(65_535) });

const common = {
  name: z.string().min(1),
  /** Writes per second. */
  rateHz: z.number().positive().max(1_000).default(20),
  /** A write not acknowledged within this is recorded as timed out. */
  timeoutMs: z.number().int().positive().max(60_000).default(1_000),
  /** Writes outstanding at once; default: enough for every write to time out at full rate. */
  maxInFlight: z.number().int().positive().max(10_000).optional(),
  /** How long read-back keeps retrying for a readable primary. */
  settleMs: z.number().int().nonnegative().max(600_000).default(30_000),
  /** Default: a fresh id per writer, so consecutive drills never see each other's records. */
  runId: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/i, "letters, digits, '_', '.', '-' (≤ 64)").optional(),
};

const postgresSpec = z.strictObject({
  kind: z.literal("postgres"),
  ...common,
  target: z.string().regex(/^postgres(ql)?:\/\//, "a postgres:// URL (hosts may be listed h1:p1,h2:p2)"),
  table: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "a lower-case SQL identifier").default("drill_ledger"),
});

const redisSpec = z
  .strictObject({
    kind: z.literal("redis"),
    ...common,
    target: z.string().regex(/^rediss?:\/\//, "a redis:// URL").optional(),
    sentinel: z
      .strictObject({
        sentinels: z.array(hostPort).min(1),
        /** The master group name Sentinel monitors. */
        name: z.string().min(1),
        password: z.string().optional(),
        sentinelPassword: z.string().optional(),
        db: z.number().int().min(0).optional(),
      })
      .optional(),
  })
  .refine((s) => (s.target === undefined) !== (s.sentinel === undefined), {
    message: "give exactly one of target (a redis:// URL) or sentinel ({ sentinels, name })",
    path: ["target"],
  });

const httpSpec = z.strictObject({
  kind: z.literal("http"),
  ...common,
  target: z.string().regex(/^https?:\/\//, "the app's base URL, http(s)://…"),
});

export const ledgerSpecSchema = z.discriminatedUnion("kind", [postgresSpec, redisSpec, httpSpec]);

export type LedgerSpecInput = z.input<typeof ledgerSpecSchema>;
export type LedgerSpec = z.output<typeof ledgerSpecSchema>;

export { ledgerKinds };

export function parseLedgerSpec(input: unknown, where = "ledger"): LedgerSpec {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (typeof kind !== "string" || !(ledgerKinds as readonly string[]).includes(kind)) {
    throw inputError(`${where}.kind: expected one of ${ledgerKinds.join(", ")}; got ${JSON.stringify(kind ?? null)}`, { field: `${where}.kind` });
  }
  const parsed = ledgerSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${[where, ...issue.path.map(String)].join(".")}: ${issue.message}`);
  throw inputError(issues.join("; "));
}
