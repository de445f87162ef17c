// Reading IAM policy documents as Pulumi records them (a JSON string or an
// object) to find what a role may do on every resource. Read-only calls that
// IAM cannot scope (Describe*, List*, Get*, tag:GetResources) are allowed on
// "*"; anything that changes or breaks something is not.
export interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

export function statementsOf(policy: unknown): Statement[] {
  let doc = policy;
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  const s = (doc as { Statement?: unknown })?.Statement;
  return (Array.isArray(s) ? s : s ? [s] : []).filter((x): x is Statement => typeof x === "object" && x !== null);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

const READ_ONLY = /^[a-z0-9-]+:(Describe|List|Get)[A-Za-z]*$/;

/** Actions an Allow statement grants on "*" that are not read-only. */
export function unscopedWrites(statement: Statement): string[] {
  if ((statement.Effect ?? "Allow") !== "Allow") return [];
  if (!list(statement.Resource).includes("*")) return [];
  return list(statement.Action).map(String).filter((a) => a.includes("*") || !READ_ONLY.test(a));
}

/** Whether a trust policy lets FIS assume the role. */
export function trustsFis(assumeRolePolicy: unknown): boolean {
  const text = typeof assumeRolePolicy === "string" ? assumeRolePolicy : JSON.stringify(assumeRolePolicy ?? "");
  return text.includes("fis.amazonaws.com");
}
