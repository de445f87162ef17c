// One drill of the engine against a ground truth it did not make (an iptables
// REJECT timed by its own script, a store refusing writes in its own process):
// a one-service plan on a given HTTP endpoint, the scenario given, run in
// process. Shared by the integration test and `npm run bench -- ground-truth`.
import { join } from "node:path";
import { validatePlan, type PlanT } from "../../stacks/lib/index.ts";
import { prepareScenario } from "../../runners/drill/prepare.ts";
import { runSession } from "../../runners/drill/session.ts";
import type { SummaryT } from "../../journal/format.ts";

export function groundTruthPlan(http: string): PlanT {
  return validatePlan({
    version: 1, project: "gt", stack: "test", target: "local",
    services: [{
      name: "api", tier: 1, owner: "qa", objectives: { rto: "5s", rpo: "0s", mtpd: "1h" },
      endpoints: { http },
      failoverTargets: [{ name: "api-pair", kind: "instance", mechanism: "automatic", primary: "api-1", standbys: ["api-2"] }],
      hazards: [{ id: "network-partition", title: "cut off", likelihood: "possible", impact: "major" }],
    }],
  }, "independent ground-truth plan");
}

/** Short windows: the outage is known, the drill only has to see it. */
export const GROUND_TRUTH_WINDOWS = { steady: "300ms", baseline: "300ms", stableFor: "300ms", after: "100ms", quietFor: "3s" };

export async function groundTruthDrill(dir: string, plan: PlanT, scenario: Record<string, unknown>, name: string): Promise<SummaryT> {
  const prepared = prepareScenario({ service: "api", hazard: "network-partition", windows: GROUND_TRUTH_WINDOWS, ...scenario }, join(dir, `${name}.ts`), name, plan, "fixture");
  const [result] = await runSession({
    drills: [prepared], plan, stack: { name: "test" }, stateDir: join(dir, "state"), outDir: join(dir, "out"), repeat: 1,
    signal: new AbortController().signal, tool: { name: "continuity-drill", version: "test" },
  });
  return result!.summary;
}
