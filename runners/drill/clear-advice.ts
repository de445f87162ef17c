// How to clear a leftover fault that blocks drills: which command heals it,
// what to look at by hand when that heal fails too, and which record to delete
// once the system is whole again. Read from the fault's recorded state only, so
// the advice names the very PIDs, rules, cgroups and commands the drill used.
import { join } from "node:path";
import type { ActiveFault } from "../faults/fault-journal.ts";
import { faultDir } from "../faults/fault-journal.ts";

type State = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);

/** PIDs a process fault signalled: the roots of a self-managed node, else the pinned process. */
function pidsOf(s: State): number[] {
  const pinned = (s.pinned && typeof s.pinned === "object" ? s.pinned : s) as State;
  const roots = Array.isArray(pinned.roots) ? pinned.roots.map((r) => num((r as State).pid)).filter((p): p is number => p !== undefined) : [];
  const pid = num(pinned.pid);
  return roots.length > 0 ? roots : pid !== undefined ? [pid] : [];
}

/** What to check by hand for one fault, from its recorded state (one line per thing). */
export function whatToCheck(f: Pick<ActiveFault, "kind" | "state">): string[] {
  const s = f.state;
  const checks: string[] = [];
  // ssh.* faults record the node's SSH access (RemoteNode.ssh): every check is on that host, not here.
  const ssh = s.ssh && typeof s.ssh === "object" ? (s.ssh as State) : undefined;
  const sshHost = str(ssh?.host);
  const login = sshHost ? `${str(ssh?.user) ?? "root"}@${sshHost}${num(ssh?.port) !== undefined && num(ssh?.port) !== 22 ? ` -p ${num(ssh?.port)}` : ""}` : undefined;
  const host = sshHost ? ` on ${sshHost} (over ssh: \`ssh ${login}\`)` : "";
  const pids = pidsOf(s);
  if (f.kind.endsWith("process.pause") && pids.length > 0) {
    checks.push(`no process of node "${str(s.node) ?? "?"}" is still stopped${host}: \`grep State /proc/<pid>/status\` for ${pids.join(", ")} and their children must not say "T (stopped)"; \`kill -CONT <pid>\` if it does`);
  }
  if (f.kind.endsWith("process.kill")) checks.push(`node "${str(s.node) ?? "?"}" is running again and back in its role${host} (its HA manager or service manager restarts it; a kill leaves nothing else behind)`);
  if (str(s.tag)) checks.push(`no firewall rule tagged drill:${str(s.tag)} is left${host}: \`iptables -S | grep 'drill:${str(s.tag)}'\`, remove each with \`iptables -D …\``);
  if (str(s.cgroupDir)) checks.push(`cgroup ${str(s.cgroupDir)} is gone (move its processes back to the parent's cgroup.procs, then rmdir it)`);
  if (str(s.proxy) && str(s.controlUrl)) checks.push(`our proxy ${str(s.proxy)} is back to mode "pass" (GET ${str(s.controlUrl)}/proxies)`);
  if (Array.isArray(s.heal)) checks.push(`the scenario's heal command ran and succeeded${host}: \`${(s.heal as string[]).join(" ")}\``);
  if (str(s.experimentId)) checks.push(`FIS experiment ${str(s.experimentId)} is stopped (\`aws fis get-experiment --id ${str(s.experimentId)}\`)`);
  if (checks.length === 0) checks.push(`whatever the ${f.kind} fault changed (its recorded state is in the file below) is undone`);
  return checks;
}

/**
 * The refusal's "how to clear it": the command to run, then, if that heal fails
 * too, what to check per fault and which fault-journal file to delete
 * (`recoverFailed`: `drill recover` itself failed, so only the manual part).
 * `stateDir` is named in the command when it is not the default one, so the
 * command given is the one that reads these very records.
 */
export function howToClear(faults: ActiveFault[], stateDir: string, o: { defaultStateDir?: string; recoverFailed?: boolean } = {}): string {
  const env = o.defaultStateDir !== undefined && stateDir !== o.defaultStateDir ? `DRILL_STATE_DIR=${stateDir} ` : "";
  const lines = o.recoverFailed
    ? ["drill recover could not heal these: repair by hand, then delete the fault's record (the next `drill recover` or `drill run` no longer sees it):"]
    : [`To clear: run \`${env}drill recover\` (it heals each fault from its recorded state and restores the system the drill used; it exits 0 when nothing is left).`,
      "If it reports FAILED, repair by hand, then delete the fault's record:"];
  for (const f of faults) {
    lines.push(`- ${f.kind} ${f.description} (drill ${f.drillId}, recorded ${f.recordedAt}${f.journal ? `, journal ${f.journal}` : ""}):`);
    for (const c of whatToCheck(f)) lines.push(`    check ${c}`);
    lines.push(`    then: rm ${join(faultDir(stateDir), `${f.id}.json`)}`);
  }
  return lines.join("\n");
}
