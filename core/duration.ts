// Durations in the plan are strings such as "250ms", "30s", "5m", "1h30m", "90d".
// They are parsed strictly: a typo like "5 minutes" must fail loudly, because a
// silently mis-read objective makes every verdict after it meaningless.

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;

/** Units largest first; a duration lists each unit at most once, in this order. */
const ORDER: readonly Unit[] = ["w", "d", "h", "m", "s", "ms"];

/** The same grammar as a regular expression, for the JSON Schema editors see. */
export const DURATION_PATTERN = "^(?=\\d)(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?$";
const DURATION_RE = new RegExp(DURATION_PATTERN);
const PART_RE = /(\d+)(ms|w|d|h|m|s)/g;

export const DURATION_HINT = 'a duration such as "250ms", "30s", "5m", "1h30m" or "90d"';

export function isDuration(text: string): boolean {
  return typeof text === "string" && text.length > 0 && DURATION_RE.test(text);
}

/** Milliseconds of a duration string; throws a RangeError naming the bad text. */
export function parseDuration(text: string): number {
  if (!isDuration(text)) {
    throw new RangeError(`"${String(text)}" is not ${DURATION_HINT}`);
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART_RE)) {
    total += Number(amount) * UNIT_MS[unit as Unit];
  }
  if (!Number.isSafeInteger(total)) throw new RangeError(`"${text}" is too long a duration`);
  return total;
}

/** The canonical string of a number of milliseconds ("1h30m", "250ms", "0s"). */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`cannot format ${ms} ms as a duration`);
  if (ms === 0) return "0s";
  let rest = ms;
  let out = "";
  for (const unit of ORDER) {
    const n = Math.floor(rest / UNIT_MS[unit]);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * UNIT_MS[unit];
    }
  }
  return out;
}

/** A human figure for reports: "2.31 s", "850 ms", "4.0 min". */
export function humanMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${(ms / 1_000).toFixed(2)} s`;
  if (abs < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (abs < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}
