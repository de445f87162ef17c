// Which stack adapter serves a plan's target, and what the tool calls itself in journals.
import { readFileSync } from "node:fs";
import type { PlanT } from "../../stacks/lib/index.ts";
import { localStack } from "../drill/local-stack.ts";
import { selfManagedStack } from "../drill/self-managed-stack.ts";
import { planOnlyStack, type StackAdapter } from "../drill/stack-adapter.ts";

export function stackFor(plan: PlanT): StackAdapter {
  if (plan.target === "local") return localStack({ stack: plan.stack });
  if (plan.target === "self-managed") return selfManagedStack(plan);
  return planOnlyStack;
}

export function toolInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}
