// Static checks of the plan itself (V1, V2, V4, V6, V7). V3 — dependencies exist
// and have no cycle — is enforced when the plan is loaded, since a plan that
// breaks it cannot be read at all (exit 2).
import { parseDuration, type PlanT, type ServiceT } from "../../stacks/lib/index.ts";
import type { Finding, RuleInfo } from "./finding.ts";

type Rule = RuleInfo & { check(service: ServiceT, plan: PlanT): Finding[] };
const ms = (d: string | undefined) => (d === undefined ? undefined : parseDuration(d));
const critical = (s: ServiceT) => s.tier <= 2;

const V1: Rule = {
  id: "V1",
  title: "tier 1–2 services declare RTO, RPO and a failover target",
  check: (s) => {
    if (!critical(s)) return [];
    const missing: Finding[] = [];
    for (const field of ["rto", "rpo"] as const) {
      if (s.objectives[field] === undefined) {
        missing.push({ rule: "V1", severity: "error", service: s.name, field: `objectives.${field}`, message: `tier ${s.tier} service declares no ${field.toUpperCase()}` });
      }
    }
    if (s.failoverTargets.length === 0) {
      missing.push({ rule: "V1", severity: "error", service: s.name, field: "failoverTargets", message: `tier ${s.tier} service declares no failover target` });
    }
    return missing;
  },
};

const V2: Rule = {
  id: "V2",
  title: "RTO is within the maximum tolerable period of disruption",
  check: (s) => {
    const rto = ms(s.objectives.rto);
    const mtpd = ms(s.objectives.mtpd);
    if (rto === undefined || mtpd === undefined || rto <= mtpd) return [];
    return [{ rule: "V2", severity: "error", service: s.name, field: "objectives.rto", message: `RTO ${s.objectives.rto} exceeds MTPD ${s.objectives.mtpd}: recovery would outlast what the business can tolerate` }];
  },
};

const V4: Rule = {
  id: "V4",
  title: "a service cannot recover faster than its hard dependencies unless it has a degraded mode",
  check: (s, plan) =>
    s.dependsOn.flatMap((d, i) => {
      const dep = plan.services.find((x) => x.name === d.service);
      const own = ms(s.objectives.rto);
      const theirs = ms(dep?.objectives.rto);
      if (d.kind !== "hard" || d.degradedMode || own === undefined || theirs === undefined || own >= theirs) return [];
      return [{
        rule: "V4", severity: "error", service: s.name, field: `dependsOn[${i}]`,
        message: `RTO ${s.objectives.rto} is shorter than hard dependency "${d.service}"'s RTO ${dep!.objectives.rto} and no degradedMode is declared for it`,
      }];
    }),
};

const V6: Rule = {
  id: "V6",
  title: "manual failover has runbook steps with roles",
  check: (s) => {
    const out: Finding[] = [];
    const manual = s.failoverTargets.filter((t) => t.mechanism === "manual");
    if (manual.length > 0 && !s.runbook.some((r) => !r.automated && r.role)) {
      out.push({ rule: "V6", severity: "error", service: s.name, field: "runbook", message: `failover target "${manual[0]!.name}" is manual but the runbook has no manual step with a role` });
    }
    s.runbook.forEach((r, i) => {
      if (!r.automated && !r.role) out.push({ rule: "V6", severity: manual.length ? "error" : "warning", service: s.name, field: `runbook[${i}].role`, message: `manual step "${r.step}" names no role to perform it` });
    });
    return out;
  },
};

const V7: Rule = {
  id: "V7",
  title: "RPO 0 is not promised over asynchronous replication",
  check: (s) =>
    s.failoverTargets.flatMap((t, i) => {
      const rpo = t.rpo ?? s.objectives.rpo;
      if (t.replication !== "asynchronous" || rpo === undefined || ms(rpo) !== 0) return [];
      const field = t.rpo !== undefined ? `failoverTargets[${i}].rpo` : "objectives.rpo";
      return [{ rule: "V7", severity: "error", service: s.name, field, message: `RPO 0 declared, but failover target "${t.name}" replicates asynchronously: a failover can lose acknowledged writes` }];
    }),
};

export const PLAN_RULES: readonly Rule[] = [V1, V2, V4, V6, V7];

export function checkPlan(plan: PlanT): Finding[] {
  return plan.services.flatMap((s) => PLAN_RULES.flatMap((r) => r.check(s, plan)));
}
