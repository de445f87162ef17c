// `aws.iam.getPolicyDocument` computed as the AWS provider renders it, so that
// a policy built with it is checked like one written as JSON: Version
// 2012-10-17 unless given, Effect "Allow" unless given, a list of one written as
// a plain string, principals grouped by type ({ AWS: [...] }; type "*" with
// identifier "*" becomes Principal "*"), conditions as { test: { variable: values } }.
// Not modelled: sourcePolicyDocuments / overridePolicyDocuments (merged by Sid
// by the provider): their statements are appended as given.

type Args = Record<string, unknown>;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);
const oneOrMany = (v: string[]) => (v.length === 1 ? v[0] : v);

function principals(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const byType: Record<string, string[]> = {};
  for (const p of value as { type?: string; identifiers?: unknown }[]) {
    const ids = list(p.identifiers);
    if (p.type === "*" && ids.includes("*")) return "*";
    byType[p.type ?? "AWS"] = [...(byType[p.type ?? "AWS"] ?? []), ...ids];
  }
  return Object.fromEntries(Object.entries(byType).map(([t, ids]) => [t, oneOrMany(ids)]));
}

function conditions(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of value as { test?: string; variable?: string; values?: unknown }[]) {
    if (!c.test || !c.variable) continue;
    out[c.test] = { ...(out[c.test] ?? {}), [c.variable]: oneOrMany(list(c.values)) };
  }
  return out;
}

function statement(s: Args): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  };
  if (typeof s.sid === "string" && s.sid) out.Sid = s.sid;
  out.Effect = typeof s.effect === "string" ? s.effect : "Allow";
  for (const [field, key] of [["actions", "Action"], ["notActions", "NotAction"], ["resources", "Resource"], ["notResources", "NotResource"]] as const) {
    const v = list(s[field]);
    if (v.length) put(key, oneOrMany(v));
  }
  put("Principal", principals(s.principals));
  put("NotPrincipal", principals(s.notPrincipals));
  put("Condition", conditions(s.conditions));
  return out;
}

/** The policy document (as an object) that getPolicyDocument's `json` holds. */
export function policyDocument(args: Args): Record<string, unknown> {
  const statements = (Array.isArray(args.statements) ? args.statements : []) as Args[];
  const sources = list(args.sourcePolicyDocuments).concat(list(args.overridePolicyDocuments)).flatMap((text) => {
    try {
      const st = (JSON.parse(text) as { Statement?: unknown }).Statement;
      return Array.isArray(st) ? st : st ? [st] : [];
    } catch {
      return [];
    }
  });
  const doc: Record<string, unknown> = { Version: typeof args.version === "string" ? args.version : "2012-10-17" };
  if (typeof args.policyId === "string") doc.Id = args.policyId;
  doc.Statement = [...(sources as unknown[]), ...statements.map(statement)];
  return doc;
}
