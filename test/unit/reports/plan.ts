// A plan shaped like the local stack's, for readiness tests.
import { Plan, type PlanT } from "../../../stacks/lib/schema.ts";

const hazard = (id: string) => ({ id, title: `${id} title`, likelihood: "possible", impact: "major" });
const objectives = (rto: string, rpo: string) => ({ rto, rpo, mtpd: "4h", minAvailability: 0, exerciseEvery: "30d" });
const service = (name: string, tier: number, o: ReturnType<typeof objectives>, hazards: string[]) => ({ name, tier, owner: "team", objectives: o, hazards: hazards.map(hazard) });

export const LOCAL_PLAN: PlanT = Plan.parse({
  version: 1,
  project: "continuity-drill",
  stack: "local",
  target: "local",
  services: [
    service("orders-db", 1, objectives("30s", "0s"), ["node-loss", "network-partition"]),
    service("sessions-cache", 2, objectives("10s", "5s"), ["node-loss", "process-hang"]),
    service("web", 1, objectives("1m", "0s"), ["node-loss", "dependency-latency"]),
  ],
});
