// The resource graph of a program as evaluated under mocks: what `drill verify`
// inspects for infrastructure findings and `drill env` reads to know what to start.

export interface ResourceNode {
  urn: string;
  type: string;
  name: string;
  /** URN of the parent resource, if any (the root stack is left out). */
  parent?: string;
  /** URNs of explicit `dependsOn` and of resources whose outputs feed this one's inputs. */
  dependencies: string[];
  /** Inputs as the engine would receive them, resolved. */
  inputs: Record<string, unknown>;
  custom: boolean;
  /** Looked up with `.get(name, id)`: it exists elsewhere (another stack, CloudFormation), its settings are not in the program. */
  read?: boolean;
}

export interface ResourceGraph {
  resources: ResourceNode[];
}

export function resourcesOfType(graph: ResourceGraph, type: string): ResourceNode[] {
  return graph.resources.filter((r) => r.type === type);
}
