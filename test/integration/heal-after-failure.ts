// One failed integration test must not fail the ones after it: the files share
// one local env, and a test that throws between its fault and its own heal
// leaves a node dead. After a failed test the env is healed back to full
// redundancy (a passing test is left alone: it must have healed by itself).
import { afterEach } from "vitest";
import { envHeal, envStatus } from "../../runners/env/index.ts";

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== "fail") return;
  if ((await envStatus()).up) return;
  process.stderr.write(`[env] healing after the failed test "${ctx.task.name}"\n`);
  await envHeal();
});
