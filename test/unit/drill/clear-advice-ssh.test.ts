// The manual part of clearing a leftover fault on a node reached over SSH must
// name that host: checking (or kill -CONT-ing) the recorded PIDs on this machine
// would touch unrelated processes and leave the remote node stopped.
import { describe, expect, it } from "vitest";
import { whatToCheck } from "../../../runners/drill/clear-advice.ts";

const ssh = { host: "db2.example", user: "postgres", port: 2222, identityFile: "/k" };

describe("clear advice for ssh.* faults", () => {
  it("ssh.process.pause: the stopped PIDs are checked on the node's host", () => {
    const [line] = whatToCheck({ kind: "ssh.process.pause", state: { node: "pg2", ssh, process: { ports: [5432] }, roots: [{ pid: 4242, startTime: 9 }] } });
    expect(line).toContain("4242");
    expect(line).toContain("on db2.example (over ssh: `ssh postgres@db2.example -p 2222`)");
  });

  it("ssh.process.kill and ssh.command: the node's host, and the heal command to run there", () => {
    expect(whatToCheck({ kind: "ssh.process.kill", state: { node: "pg2", ssh: { ...ssh, port: 22, user: "root" }, roots: [{ pid: 7, startTime: 1 }] } })[0]).toContain("on db2.example (over ssh: `ssh root@db2.example`)");
    const [heal] = whatToCheck({ kind: "ssh.command", state: { node: "pg2", ssh, inject: ["systemctl", "stop", "x"], heal: ["systemctl", "start", "x"] } });
    expect(heal).toBe("the scenario's heal command ran and succeeded on db2.example (over ssh: `ssh postgres@db2.example -p 2222`): `systemctl start x`");
  });

  it("a local fault names no host", () => {
    expect(whatToCheck({ kind: "process.pause", state: { node: "pg-a", pid: 10 } })[0]).not.toContain("over ssh");
  });
});
