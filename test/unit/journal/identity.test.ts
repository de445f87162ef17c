// A service's digest changes with its continuity arrangement, not with where it
// is reached: a plan under mocks and the same plan read from a deployed stack
// differ in addresses (endpoints, a self-managed node's url and ssh host).
import { describe, expect, it } from "vitest";
import { changedParts, digestOf, serviceDigests } from "../../../journal/identity.ts";

const node = (url: string, host: string, ports = [5432]) => ({ protocol: "postgres", url, process: { ports }, ssh: { host, user: "root", port: 22, identityFile: "/k" } });
const service = (nodes: Record<string, unknown>, endpoints: Record<string, string> = { primary: "postgres://a:5432/db" }) => ({
  name: "db", objectives: { rto: 60_000 }, dependsOn: [], runbook: [], hazards: [],
  failoverTargets: [{ name: "ha", kind: "replica", mechanism: "automatic", primary: "pg1", standbys: ["pg2"], endpoints, nodes }],
});

describe("service digests", () => {
  it("ignore addresses: endpoints, a node's url and its ssh access", () => {
    const mocked = serviceDigests(service({ pg1: node("postgres://mock-1:5432/db", "mock-1"), pg2: node("postgres://mock-2:5432/db", "mock-2") }, { primary: "postgres://mock:5432/db" }));
    const deployed = serviceDigests(service({ pg1: node("postgres://10.0.0.1:5432/db", "10.0.0.1"), pg2: node("postgres://10.0.0.2:5432/db", "10.0.0.2") }));
    expect(deployed).toEqual(mocked);
  });

  it("see a change of which processes are the node, or of a node itself", () => {
    const before = serviceDigests(service({ pg1: node("u", "h"), pg2: node("u", "h") }));
    expect(changedParts(before.serviceParts, serviceDigests(service({ pg1: node("u", "h", [5433]), pg2: node("u", "h") })).serviceParts)).toEqual(["failoverTargets"]);
    expect(changedParts(before.serviceParts, serviceDigests(service({ pg1: node("u", "h") })).serviceParts)).toEqual(["failoverTargets"]);
  });

  it("a target without nodes digests as before nodes existed: the target less its endpoints (existing evidence stays fresh)", () => {
    const { failoverTargets: [t], ...rest } = service({});
    const { nodes: _nodes, endpoints: _endpoints, ...arrangement } = t!;
    const { nodes: _n, ...withEndpoints } = t!;
    expect(serviceDigests({ ...rest, failoverTargets: [withEndpoints] }).serviceParts.failoverTargets).toBe(digestOf([arrangement]));
  });
});
