// The integration tier runs against the real local env: started once before all
// files (bootstrap, then `env up`) and stopped after them, leaving no process.
import { bootstrap, envDown, envUp, listOurProcesses } from "../../runners/env/index.ts";

const say = (m: string) => process.stderr.write(`[env] ${m}\n`);

export async function setup(): Promise<void> {
  await bootstrap({ onProgress: say });
  const started = Date.now();
  const status = await envUp({ onProgress: say });
  if (!status.up) throw new Error("env up returned without full redundancy");
  say(`local env up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function teardown(): Promise<void> {
  await envDown({ onProgress: say });
  const left = listOurProcesses();
  if (left.length > 0) throw new Error(`env down left processes of ours: ${left.map((p) => `${p.pid} ${p.cmdline}`).join("; ")}`);
}
