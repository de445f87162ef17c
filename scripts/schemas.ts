// The generated JSON Schemas, by file name (relative to the repo root).
import { z } from "zod";
import { Plan } from "../stacks/lib/schema.ts";

export function jsonSchemas(): Record<string, unknown> {
  return {
    "stacks/plan.schema.json": {
      ...z.toJSONSchema(Plan, { io: "input", target: "draft-2020-12" }),
      $id: "https://continuity-drill.dev/schemas/plan-v1.json",
      title: "continuity-drill plan (version 1)",
      description: "A continuity plan: services, objectives, failover targets, dependencies, hazards, runbooks. Generated from stacks/lib/schema.ts by `npm run schema`.",
    },
  };
}
