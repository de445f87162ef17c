// A paused (SIGSTOPped) process is seen as paused, and `env heal` resumes it:
// no process of ours may be left stopped.
import { describe, expect, it } from "vitest";
import { envHeal, listOurProcesses, nodeProcess } from "../../../runners/env/index.ts";
import { nodeWithRole, status } from "./helpers.ts";

describe("paused node", () => {
  it("is reported paused and resumed by heal", async () => {
    const before = await status();
    const replica = nodeWithRole(before, "sessions-cache", "replica");
    const p = (await nodeProcess(replica))!;
    process.kill(-p.pgid!, "SIGSTOP");
    try {
      const paused = await status();
      expect(paused.members.find((m) => m.node === replica)).toMatchObject({ process: "paused", healthy: false });
      expect(paused.up).toBe(false);
    } finally {
      const healed = await envHeal();
      expect(healed.up).toBe(true);
    }
    expect(listOurProcesses().filter((q) => q.state === "T")).toEqual([]);
    expect((await nodeProcess(replica))!.pid).toBe(p.pid);
  });
});
