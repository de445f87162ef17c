// `drill env up`: start everything the stack declares, wait until every service
// is healthy by its own signals, and on any failure stop whatever this call
// started. A second call finds the running env and only checks (heals) it.
import { environmentError, kindOf } from "../../core/errors.ts";
import { ensurePackages } from "./bootstrap.ts";
import { makeCtx } from "./context.ts";
import { loadDeclaration, optionalParts } from "./declaration.ts";
import { envDownAt } from "./down.ts";
import { healAt } from "./heal.ts";
import { waitHealthy } from "./healthy.ts";
import { envPaths } from "./paths.ts";
import { startOrdersDb } from "./orders-db.ts";
import { assertPortsFree } from "./ports.ts";
import { startRedis } from "./redis/start.ts";
import { newState, readState, writeState } from "./state.ts";
import type { EnvOptions, EnvStatus } from "./types.ts";
import { startWeb } from "./web/start.ts";

export async function upAt(opts: EnvOptions): Promise<EnvStatus> {
  const progress = opts.onProgress ?? (() => {});
  const decl = await loadDeclaration(opts.stack ?? "local");
  const paths = envPaths(opts);
  const existing = readState(paths.stateFile);
  if (existing) {
    progress(`stack ${decl.stack} is already up (started ${existing.createdAt}); checking it`);
    return healAt(opts);
  }
  await ensurePackages(progress, optionalParts(decl));
  await envDownAt(opts); // leftovers of an interrupted run, found by path only
  await assertPortsFree(decl);
  const state = newState(decl.stack);
  writeState(paths.stateFile, state);
  const ctx = makeCtx(decl, state, opts);
  try {
    // The three services start side by side; the app reconnects to whatever is not up yet.
    const started = await Promise.allSettled([startOrdersDb(ctx), startRedis(ctx), startWeb(ctx)]);
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return await waitHealthy(ctx);
  } catch (error) {
    progress("start failed; stopping what was started");
    await envDownAt(opts).catch(() => {});
    if (kindOf(error) === "environment") throw error;
    throw environmentError(`env up failed: ${(error as Error).message}`, {}, error);
  }
}
