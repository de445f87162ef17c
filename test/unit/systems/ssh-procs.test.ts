// The remote /proc snapshot is worked out here: roots are candidates with no
// candidate ancestor, the node is each still-identical root with its
// descendants, a PID whose start time changed is another process. Fixture: a
// Patroni-like host where the postmaster was double-forked away from Patroni
// (parent 1) and a process name holds spaces and parentheses.
import { describe, expect, it } from "vitest";
import { parseSnapshot, rootsOf, stillThere, treeOf } from "../../../runners/systems/ssh-procs.ts";
import { shQuote } from "../../../runners/systems/ssh.ts";

// stat: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime prio nice threads itreal STARTTIME …
const stat = (pid: number, comm: string, state: string, ppid: number, start: number) => `S ${pid} ${pid} (${comm}) ${state} ${ppid} ${pid} ${pid} 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${start} 0 0`;
const HOST = [
  "C 200 /usr/bin/python3 /usr/bin/patroni pg1.yml",
  "C 300 /usr/lib/postgresql/15/bin/postgres -D /data",
  "C 301 postgres: walsender ",
  stat(1, "init", "S", 0, 1), stat(200, "patroni", "S", 1, 500), stat(300, "postgres", "S", 1, 600),
  stat(301, "postgres: walsender (x) y", "S", 300, 700), stat(302, "postgres", "S", 300, 710), stat(400, "bash", "S", 1, 800), stat(303, "postgres", "Z", 300, 720),
].join("\n");

describe("a node's processes from a remote /proc snapshot", () => {
  const s = parseSnapshot(HOST);

  it("roots: both Patroni and its double-forked postmaster; not the postmaster's own child", () => {
    expect(rootsOf(s).map((r) => [r.pid, r.startTime, r.cmdline])).toEqual([
      [200, 500, "/usr/bin/python3 /usr/bin/patroni pg1.yml"], [300, 600, "/usr/lib/postgresql/15/bin/postgres -D /data"]]);
  });

  it("the tree: every live descendant (not zombies, not strangers); a root with a new start time is another process", () => {
    expect(treeOf(s, rootsOf(s)).map((p) => p.pid).sort()).toEqual([200, 300, 301, 302]);
    expect(treeOf(s, [{ pid: 300, startTime: 599 }])).toEqual([]);
    expect(stillThere(s, { pid: 301, startTime: 700 })).toBe(true);
    expect(stillThere(s, { pid: 303, startTime: 720 })).toBe(false);
  });

  it("a pinned root whose command line the snapshot read must still have it (a PID that exec'd another program is not the same process)", () => {
    const asked = parseSnapshot(`${HOST}\nP 300 /usr/lib/postgresql/15/bin/postgres -D /data \nP 200 /bin/sh /usr/local/bin/repair `);
    expect(stillThere(asked, { pid: 300, startTime: 600, cmdline: "/usr/lib/postgresql/15/bin/postgres -D /data" })).toBe(true);
    expect(stillThere(asked, { pid: 200, startTime: 500, cmdline: "/usr/bin/python3 /usr/bin/patroni pg1.yml" })).toBe(false);
    expect(treeOf(asked, rootsOf(s)).map((p) => p.pid).sort()).toEqual([300, 301, 302]);
    expect(rootsOf(asked)).toEqual(rootsOf(s)); // P lines are not root candidates
  });

  it("quotes arguments so no remote shell expands them", () => {
    expect(shQuote("a b'$(rm -rf /)")).toBe(`'a b'\\''$(rm -rf /)'`);
  });
});
