// The command tree of `drill`, declared once so help is generated from it.
// Sub-commands load lazily: `drill --help` must not pay for Pulumi or the engine.
import { readFileSync } from "node:fs";
import { defineCommand } from "citty";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string; description: string };
export const version = pkg.version;

export const main = defineCommand({
  meta: { name: "drill", version: pkg.version, description: "Prove a service continuity plan works by measuring it" },
  subCommands: {
    plan: () => import("./commands/plan.ts").then((m) => m.planCommand),
    verify: () => import("./commands/verify.ts").then((m) => m.verifyCommand),
    env: () => import("./commands/env.ts").then((m) => m.envCommand),
    run: () => import("./commands/run.ts").then((m) => m.runCommand),
    recover: () => import("./commands/recover.ts").then((m) => m.recoverCommand),
    ack: () => import("./commands/ack.ts").then((m) => m.ackCommand),
    report: () => import("./commands/report.ts").then((m) => m.reportCommand),
    readiness: () => import("./commands/readiness.ts").then((m) => m.readinessCommand),
    gate: () => import("./commands/gate.ts").then((m) => m.gateCommand),
    review: () => import("./commands/review.ts").then((m) => m.reviewCommand),
    action: () => import("./commands/action.ts").then((m) => m.actionCommand),
  },
});
