// Generators for fuzzing: a clean plan and mutations of it (a field removed, a
// value replaced by something of another type, an unknown key added, a string
// replaced by hostile text).
import fc from "fast-check";

export function cleanPlan(): Record<string, unknown> {
  return {
    version: 1, project: "shop", stack: "dev", target: "local",
    services: [
      {
        name: "db", tier: 1, owner: "dba", description: "orders",
        objectives: { rto: "30s", rpo: "0s", mtpd: "4h", minAvailability: 0, exerciseEvery: "30d" },
        endpoints: { primary: "postgres://app@127.0.0.1:5/db" },
        failoverTargets: [{ name: "db-standby", kind: "standby", mechanism: "automatic", replication: "synchronous", primary: "a", standbys: ["b"], endpoints: {} }],
        dependsOn: [], hazards: [{ id: "node-loss", title: "node dies", likelihood: "possible", impact: "major" }],
        runbook: [{ step: "promote", role: "dba", automated: false }],
      },
      {
        name: "api", tier: 2, owner: "web", objectives: { rto: "1m", rpo: "0s", mtpd: "4h" },
        failoverTargets: [{ name: "api-pods", kind: "instance", mechanism: "automatic", primary: "api-1", standbys: ["api-2"] }],
        dependsOn: [{ service: "db", kind: "hard" }], hazards: [], runbook: [],
      },
    ],
  };
}

type Path = (string | number)[];
export type Mutation = { path: Path; op: "delete" } | { path: Path; op: "set"; value: unknown } | { path: Path; op: "add-key"; key: string; value: unknown };

/** Every path in a value, to pick one to mutate. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

export const hostile = fc.constantFrom("<script>alert(1)</script>", "a|b|c", "]]><x>", "$(rm -rf /)", "`id`", "'; DROP TABLE x;--", "\u0000", "é\u202e", "5 minutes", "-1s", "", " ");

const values = fc.oneof(fc.jsonValue(), hostile, fc.constant(null), fc.integer(), fc.array(fc.string(), { maxLength: 3 }));

export function mutation(): fc.Arbitrary<Mutation> {
  const all = paths(cleanPlan()).filter((p) => p.length > 0);
  const path = fc.constantFrom(...all);
  return fc.oneof(
    path.map((p) => ({ path: p, op: "delete" as const })),
    fc.tuple(path, values).map(([p, value]) => ({ path: p, op: "set" as const, value })),
    fc.tuple(path, fc.string({ minLength: 1, maxLength: 8 }), values).map(([p, key, value]) => ({ path: p, op: "add-key" as const, key, value })),
  );
}

export function applyMutation(plan: Record<string, unknown>, m: Mutation): unknown {
  const parentPath = m.op === "add-key" ? m.path : m.path.slice(0, -1);
  let node: unknown = plan;
  for (const k of parentPath) node = (node as Record<string | number, unknown>)[k];
  const last = m.path[m.path.length - 1]!;
  if (node === null || typeof node !== "object") return plan;
  const obj = node as Record<string | number, unknown>;
  if (m.op === "delete") {
    if (Array.isArray(obj)) obj.splice(Number(last), 1);
    else delete obj[last];
  } else if (m.op === "set") obj[last] = m.value;
  else if (!Array.isArray(obj)) obj[m.key] = m.value;
  return plan;
}
