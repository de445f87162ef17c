// Reading IAM policy documents as Pulumi records them (a JSON string or an
// object) to find what a role may do on every resource. Read-only calls that
// IAM cannot scope (Describe*, List*, Get*, tag:GetResources) are allowed on
// "*"; anything that changes or breaks something is not.
export interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
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

// Condition keys that narrow a statement on "*" to tagged or named resources:
// what IAM documents for scoping FIS (aws:ResourceTag/…, ec2:ResourceTag/…, ARN conditions).
const SCOPING_KEY = /^([a-z0-9-]+:ResourceTag\/.+|aws:ResourceTag\/.+|aws:SourceArn|aws:ResourceArn|aws:SourceAccount|aws:RequestTag\/.+)$/i;

/** Whether a statement's Condition limits it to tagged or named resources. */
export function scopedByCondition(statement: Statement): boolean {
  const c = statement.Condition;
  if (!c || typeof c !== "object") return false;
  return Object.entries(c).some(([test, keys]) => !/^Null$/i.test(test) && keys && typeof keys === "object" && Object.keys(keys).some((k) => SCOPING_KEY.test(k)));
}

/** Actions an Allow statement grants on "*" that are not read-only, unless a tag or ARN condition scopes it. */
export function unscopedWrites(statement: Statement): string[] {
  if ((statement.Effect ?? "Allow") !== "Allow") return [];
  if (!list(statement.Resource).includes("*")) return [];
  if (scopedByCondition(statement)) return [];
  return list(statement.Action).map(String).filter((a) => a.includes("*") || !READ_ONLY.test(a));
}

/** Whether a trust policy lets FIS assume the role. */
export function trustsFis(assumeRolePolicy: unknown): boolean {
  const text = typeof assumeRolePolicy === "string" ? assumeRolePolicy : JSON.stringify(assumeRolePolicy ?? "");
  return text.includes("fis.amazonaws.com");
}
