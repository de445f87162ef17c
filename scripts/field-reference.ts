// The field reference (docs/fields.md), generated from the same zod schemas
// that validate plans and scenarios: every field with its type, whether it is
// required, its default, its range or pattern and its description. Written by
// `npm run schema`; a unit test fails when it is stale.
import { z } from "zod";
import { Plan } from "../stacks/lib/schema.ts";
import { Scenario } from "../scenarios/schema.ts";

type Node = {
  type?: string | string[]; properties?: Record<string, Node>; required?: string[]; items?: Node; enum?: unknown[]; const?: unknown;
  default?: unknown; description?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
  minLength?: number; pattern?: string; minItems?: number; maxItems?: number; anyOf?: Node[]; oneOf?: Node[]; additionalProperties?: Node | boolean;
};

function typeOf(n: Node): string {
  if (n.enum) return n.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (n.const !== undefined) return `\`${JSON.stringify(n.const)}\``;
  const alts = n.anyOf ?? n.oneOf;
  if (alts) return alts.map(typeOf).join(" \\| ");
  if (n.type === "array") return `${n.items ? typeOf(n.items) : "any"}[]`;
  if (n.type === "object" && n.additionalProperties && typeof n.additionalProperties === "object" && !n.properties) return `map of ${typeOf(n.additionalProperties)}`;
  return Array.isArray(n.type) ? n.type.join(" \\| ") : n.type ?? "any";
}

function limits(n: Node): string {
  const out: string[] = [];
  if (n.minimum !== undefined) out.push(`≥ ${n.minimum}`);
  if (n.exclusiveMinimum !== undefined) out.push(`> ${n.exclusiveMinimum}`);
  if (n.maximum !== undefined) out.push(`≤ ${n.maximum}`);
  if (n.exclusiveMaximum !== undefined) out.push(`< ${n.exclusiveMaximum}`);
  if (n.minLength !== undefined && n.minLength > 0) out.push(`length ≥ ${n.minLength}`);
  if (n.minItems !== undefined) out.push(`≥ ${n.minItems} items`);
  if (n.maxItems !== undefined) out.push(`≤ ${n.maxItems} items`);
  if (n.pattern) out.push(`pattern \`${n.pattern.replace(/\|/g, "\\|")}\``);
  return out.join(", ");
}

function rows(n: Node, path: string, required: boolean, out: string[], depth = 0): void {
  if (path) {
    const dflt = n.default === undefined ? "" : `\`${JSON.stringify(n.default)}\``;
    out.push(`| \`${path}\` | ${typeOf(n)} | ${required ? "yes" : ""} | ${dflt} | ${limits(n)} | ${(n.description ?? "").replace(/\n/g, " ").replace(/\|/g, "\\|")} |`);
  }
  if (depth > 6) return;
  const objects = [n, n.items, ...(n.anyOf ?? []), ...(n.oneOf ?? [])].filter((x): x is Node => !!x?.properties);
  const seen = new Set<string>();
  for (const o of objects) {
    const prefix = o === n.items ? `${path}[]` : path;
    for (const [key, child] of Object.entries(o.properties ?? {})) {
      const p = prefix ? `${prefix}.${key}` : key;
      if (seen.has(p)) continue;
      seen.add(p);
      rows(child, p, (o.required ?? []).includes(key), out, depth + 1);
    }
  }
}

function section(title: string, schema: z.ZodType): string {
  const out: string[] = ["| field | type | required | default | range | description |", "| --- | --- | --- | --- | --- | --- |"];
  rows(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Node, "", true, out);
  return `## ${title}\n\n${out.join("\n")}\n`;
}

export function fieldReference(): string {
  return [
    "# Field reference",
    "",
    "Generated from stacks/lib/schema.ts and scenarios/schema.ts by `npm run schema`; do not edit.",
    "Durations are strings such as `250ms`, `30s`, `5m`, `1h30m`, `90d`.",
    "",
    section("Plan (`declarePlan`, `drill plan --json`) and CriticalService (`services[]`)", Plan),
    section("Scenario (`defineScenario`)", Scenario),
  ].join("\n");
}
