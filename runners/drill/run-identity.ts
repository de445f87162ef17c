// The identity a run stamps on each of its journals: one run id per `drill run`
// invocation, the program's git commit (and whether the tree had uncommitted
// changes), and per drill the digests of the plan, the exercised service's
// entry and the scenario file. Digests are computed by journal/identity.ts,
// which readiness uses to recompute them from the current plan.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IdentityT } from "../../journal/format.ts";
import { digestOf, serviceDigests, sha256 } from "../../journal/identity.ts";
import type { PreparedDrill } from "./prepare.ts";

export interface RunIdentity {
  runId: string;
  source?: IdentityT["source"];
}

/** A fresh run id: the UTC second it started (sortable by eye) and a random suffix (unique). */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${randomUUID().slice(0, 8)}`;
}

/**
 * The git commit of `dir` and whether its tree is dirty; undefined when `dir` is
 * not in a git tree or git is not installed (never guessed).
 */
export function sourceOf(dir: string | undefined): IdentityT["source"] | undefined {
  if (!dir) return undefined;
  try {
    const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 });
    const commit = git("rev-parse", "HEAD").trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    return { commit, dirty: git("status", "--porcelain", "--untracked-files=no").trim() !== "" };
  } catch {
    return undefined;
  }
}

export function drillIdentity(drill: PreparedDrill, run: RunIdentity): IdentityT {
  let scenarioBytes: Uint8Array;
  try {
    scenarioBytes = readFileSync(drill.file);
  } catch {
    // A scenario given as a value (tests, the API) has no file: digest its parsed form.
    scenarioBytes = new TextEncoder().encode(JSON.stringify(drill.scenario));
  }
  return {
    runId: run.runId,
    planDigest: digestOf(drill.plan),
    ...serviceDigests(drill.service as unknown as Record<string, unknown>),
    scenarioDigest: sha256(scenarioBytes),
    ...(run.source ? { source: run.source } : {}),
  };
}
