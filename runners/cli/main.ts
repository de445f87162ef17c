// `drill`: commands are declared once (citty) so help is generated from them.
import { readFileSync } from "node:fs";
import { defineCommand } from "citty";
import { runCli } from "./edge.ts";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string; description: string };

export const main = defineCommand({
  meta: { name: "drill", version: pkg.version, description: "Prove a service continuity plan works by measuring it" },
  subCommands: {
    plan: () => import("./commands/plan.ts").then((m) => m.planCommand),
    verify: () => import("./commands/verify.ts").then((m) => m.verifyCommand),
    env: () => import("./commands/env.ts").then((m) => m.envCommand),
    run: () => import("./commands/run.ts").then((m) => m.runCommand),
    recover: () => import("./commands/recover.ts").then((m) => m.recoverCommand),
    ack: () => import("./commands/ack.ts").then((m) => m.ackCommand),
  },
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  process.stdout.write(`${pkg.version}\n`);
} else {
  process.exitCode = await runCli(main, argv);
}
