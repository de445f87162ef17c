// I5: the role FIS assumes may hurt only the drill's targets. A FIS role that
// may terminate, fail over or cut off "*" turns one mistyped tag in a template
// into an outage of everything in the account. AWS's managed FIS policies grant
// their actions on "*": a warning, since they are documented and common.
import type { ResourceNode } from "../plan/resource-graph.ts";
import type { Finding } from "./finding.ts";
import { input, TYPES, type InfraGraph } from "./infra-graph.ts";
import { statementsOf, trustsFis, unscopedWrites } from "./infra-policy.ts";
import { infraFinding, type InfraRule } from "./infra-rule.ts";

/** Resources of `type` that name this role: through an input (dependency) or by its name. */
function attachedTo(graph: InfraGraph, role: ResourceNode, type: string): ResourceNode[] {
  const name = input(role, "name");
  return graph.ofType(type).filter((p) => p.dependencies.includes(role.urn) || (name !== undefined && input(p, "role") === name));
}

function checkDocument(graph: InfraGraph, holder: ResourceNode, policy: unknown, role: ResourceNode): Finding[] {
  const writes = [...new Set(statementsOf(policy).flatMap(unscopedWrites))];
  if (writes.length === 0) return [];
  return [infraFinding("I5", "error", graph, holder, `lets FIS role ${role.name} ${writes.join(", ")} on Resource "*": scope it to the drill's targets (ARNs, or a tag condition)`)];
}

function checkRole(graph: InfraGraph, role: ResourceNode): Finding[] {
  const inline = (input<{ policy?: unknown }[]>(role, "inlinePolicies") ?? []).flatMap((p) => checkDocument(graph, role, p?.policy, role));
  const rolePolicies = attachedTo(graph, role, TYPES.rolePolicy).flatMap((p) => checkDocument(graph, p, input(p, "policy"), role));
  const attachments = attachedTo(graph, role, TYPES.rolePolicyAttachment).flatMap((a) => {
    const arn = input(a, "policyArn");
    if (typeof arn === "string" && /:iam::aws:policy\/.*FaultInjection/.test(arn)) {
      return [infraFinding("I5", "warning", graph, a, `attaches AWS managed ${arn.split("/").pop()} to FIS role ${role.name}: it grants its actions on every resource; prefer a policy scoped to the targets`)];
    }
    return graph.dependenciesOf(a, TYPES.policy).flatMap((p) => checkDocument(graph, p, input(p, "policy"), role));
  });
  return [...inline, ...rolePolicies, ...attachments];
}

/** An aws-native role: trust in assumeRolePolicyDocument, inline policies as { policyName, policyDocument }, RolePolicy resources naming it. */
function checkNativeRole(graph: InfraGraph, role: ResourceNode): Finding[] {
  const name = input(role, "roleName");
  const inline = (input<{ policyDocument?: unknown }[]>(role, "policies") ?? []).flatMap((p) => checkDocument(graph, role, p?.policyDocument, role));
  const separate = graph.ofType(TYPES.nativeRolePolicy)
    .filter((p) => p.dependencies.includes(role.urn) || (name !== undefined && input(p, "roleName") === name))
    .flatMap((p) => checkDocument(graph, p, input(p, "policyDocument"), role));
  return [...inline, ...separate];
}

export const I5: InfraRule = {
  id: "I5",
  title: "the FIS role acts only on the drill's targets",
  check: (graph) => [
    ...graph.ofType(TYPES.role).filter((r) => trustsFis(input(r, "assumeRolePolicy"))).flatMap((r) => checkRole(graph, r)),
    ...graph.ofType(TYPES.nativeRole).filter((r) => trustsFis(input(r, "assumeRolePolicyDocument"))).flatMap((r) => checkNativeRole(graph, r)),
  ],
};
