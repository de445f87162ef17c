// Full redundancy from live node views: each way a system can be degraded is
// named in the answer, and only a complete, streaming set counts as full.
import { describe, expect, it } from "vitest";
import { judgeRedundancy } from "../../../runners/systems/redundancy.ts";
import type { NodeView } from "../../../runners/systems/view.ts";

const primary = (node: string, replicas: number): NodeView => ({ node, up: true, role: "primary", replicas, detail: `${node} primary` });
const standby = (node: string, streaming = true): NodeView => ({ node, up: true, role: "standby", streaming, detail: `${node} standby` });
const down = (node: string): NodeView => ({ node, up: false, role: "other", detail: "unreachable: ECONNREFUSED" });

describe("judgeRedundancy", () => {
  it("is full with one primary that sees every standby streaming", () => {
    expect(judgeRedundancy([primary("a", 2), standby("b"), standby("c")]).full).toBe(true);
  });
  it("names a node that is down", () => {
    const v = judgeRedundancy([primary("a", 1), standby("b"), down("c")]);
    expect(v.full).toBe(false);
    expect(v.detail).toMatch(/c down \(unreachable: ECONNREFUSED\)/);
  });
  it("names a standby that does not stream, and a primary missing standbys", () => {
    const v = judgeRedundancy([primary("a", 1), standby("b"), standby("c", false)]);
    expect(v.full).toBe(false);
    expect(v.detail).toContain("c does not stream");
    expect(v.detail).toContain("a sees 1 of 2 standbys streaming");
  });
  it("refuses two primaries (a split brain) and no primary", () => {
    expect(judgeRedundancy([primary("a", 1), primary("b", 1)]).detail).toContain("2 primaries (a, b)");
    expect(judgeRedundancy([standby("a", false), standby("b", false)]).detail).toContain("0 primaries");
  });
  it("needs only every node up for systems without roles (HTTP instances)", () => {
    const http = (node: string, up: boolean): NodeView => ({ node, up, role: "other", detail: up ? "200" : "unreachable" });
    expect(judgeRedundancy([http("w1", true), http("w2", true)]).full).toBe(true);
    expect(judgeRedundancy([http("w1", true), http("w2", false)]).full).toBe(false);
  });
});
