// Secrets stay secret in everything we print. A plan evaluated from a program
// holds the real values (the drill connects with them); what `drill plan` shows,
// as text or JSON, has every occurrence of a secret config value replaced.
// Pulumi itself prints "[secret]" for secret outputs: the same marker here.

export const SECRET_MARK = "[secret]";

/** The plaintexts of a program's secret config (decrypted `secure:` values), longest first. */
export function secretValues(config: Record<string, string>, secretKeys: readonly string[]): string[] {
  const values = secretKeys.map((k) => config[k]).filter((v): v is string => typeof v === "string" && v.length > 0);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

/** A deep copy of `value` with each secret replaced by SECRET_MARK in every string (keys included). */
export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const maskText = (text: string) => secrets.reduce((t, s) => t.split(s).join(SECRET_MARK), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return maskText(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [maskText(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
