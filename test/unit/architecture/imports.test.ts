import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ImportEdge, importsOf, reachesPulumi, violations } from "./boundaries.ts";

// Every tracked and untracked-not-ignored .ts file of the repository, as git sees it.
function ourFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts"], { encoding: "utf8" });
  return out.split("\n").filter((f) => f && !f.startsWith("node_modules/"));
}

function allEdges(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const f of ourFiles()) {
    let text: string;
    try {
      text = readFileSync(f, "utf8");
    } catch {
      continue; // deleted in the working tree
    }
    edges.push(...importsOf(f, text));
  }
  return edges;
}

describe("import boundaries (docs/design.md, Layout)", () => {
  it("every import follows the arrows", () => {
    const edges = allEdges();
    expect(edges.length).toBeGreaterThan(500); // the scan saw the tree, not an empty list
    expect(violations(edges)).toEqual([]);
  });

  it("reads static, re-exported, dynamic and aliased imports", () => {
    const src = [
      `import { a } from "../../core/a.ts";`,
      `export { b } from "./b.ts";`,
      `const c = await import("../../runners/c.ts");`,
      `import type { D } from "continuity-drill/stacks";`,
      `import * as pulumi from "@pulumi/pulumi";`,
      `import { z } from "zod";`,
      `// import { x } from "../runners/x.ts" is only a comment`,
    ].join("\n");
    const edges = importsOf("reports/html/x.ts", src);
    expect(edges.map((e) => e.to)).toEqual(["core/a.ts", "reports/html/b.ts", "runners/c.ts", "stacks/lib/index.ts", "@pulumi"]);
    expect(edges.find((e) => e.to === "stacks/lib/index.ts")?.typeOnly).toBe(true);
  });

  it("flags a synthetic violation of each rule", () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, typeOnly: false });
    const bad = [
      edge("core/x.ts", "journal/format.ts"),
      edge("core/y.ts", "@pulumi"),
      edge("journal/x.ts", "@pulumi"),
      edge("journal/y.ts", "runners/drill/bus.ts"),
      edge("stacks/local/app/orders-db.ts", "runners/probes/postgres.ts"),
      edge("stacks/local/app/server.ts", "reports/index.ts"),
      edge("scenarios/local/x.ts", "runners/faults/registry.ts"),
      { from: "scenarios/fault-params.ts", to: "runners/probes/postgres.ts", typeOnly: true },
      edge("reports/index.ts", "runners/drill/run-drill.ts"),
      edge("reports/x.ts", "stacks/local/index.ts"),
      edge("stacks/local/index.ts", "@pulumi"),
      edge("runners/drill/x.ts", "reports/index.ts"),
    ];
    const found = violations(bad);
    for (const e of bad.filter((e) => e.from !== "stacks/local/index.ts")) {
      expect(found.some((v) => v.startsWith(`${e.from} -> ${e.to}:`)), `${e.from} -> ${e.to}`).toBe(true);
    }
    expect(found).toHaveLength(bad.length - 1);
  });

  it("lets the allowed arrows through", () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, typeOnly: false });
    const ok = [
      edge("journal/x.ts", "core/duration.ts"),
      edge("stacks/lib/schema.ts", "core/duration.ts"),
      edge("scenarios/schema.ts", "stacks/lib/schema.ts"),
      edge("runners/drill/x.ts", "journal/format.ts"),
      edge("runners/cli/commands/report.ts", "reports/index.ts"),
      edge("reports/readiness/gaps.ts", "stacks/lib/schema.ts"),
      edge("runners/plan/deployed.ts", "@pulumi"),
      { from: "scenarios/fault-params.ts", to: "runners/faults/process-kill.ts", typeOnly: true },
    ];
    expect(violations(ok)).toEqual([]);
    expect(reachesPulumi([edge("stacks/a.ts", "stacks/b.ts"), edge("stacks/b.ts", "@pulumi")])).toEqual(new Set(["stacks/a.ts", "stacks/b.ts"]));
  });
});
