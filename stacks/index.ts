// The Pulumi program (Pulumi.yaml `main`). Which reference system it declares
// comes from stack config `continuity-drill:target` (Pulumi.<stack>.yaml).
import { inputError } from "../core/errors.ts";
import * as pulumi from "@pulumi/pulumi";

const target = new pulumi.Config("continuity-drill").get("target") ?? pulumi.getStack();
if (target !== "local" && target !== "aws") {
  throw inputError(`continuity-drill:target must be "local" or "aws" (stack ${pulumi.getStack()} says "${target}")`);
}
const program = target === "aws" ? await import("./aws/index.ts") : await import("./local/index.ts");

/** The whole continuity plan, read by `drill` from this stack output. */
export const continuityPlan = program.plan;
