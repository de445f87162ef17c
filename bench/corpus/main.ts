// `npm run corpus`: evaluate real Pulumi programs nobody here wrote — the
// TypeScript AWS programs of the public pulumi/examples repository — under the
// mock runtime with `drill verify`, and count what happened: evaluated (a plan
// or infrastructure findings came out), failed with a message (exit 2/3 and a
// reason), crashed (a stack trace) or silent (no output at all, e.g. Node's
// exit 13). Their code is never in this repository: give a checkout or git
// directory of pulumi/examples (CORPUS_DIR or --corpus DIR); the list of
// folders and the commit they were read at are in programs.json.
//
// Dependencies come from one shared node_modules (CORPUS_WORK, default
// $TMPDIR/cd-corpus) whose @pulumi/pulumi is this repo's copy (one runtime).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { linkOneRuntime } from "./one-runtime.ts";

if (process.argv.includes("--with-plans")) {
  await import("./with-plans.ts");
  process.exit();
}
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const list = JSON.parse(readFileSync(new URL("./programs.json", import.meta.url), "utf8")) as { repository: string; commit: string; folders: string[] };
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const corpus = arg("corpus") ?? process.env.CORPUS_DIR;
if (!corpus) {
  console.error(`corpus: give a git directory or checkout of ${list.repository} (CORPUS_DIR or --corpus DIR); programs.json pins commit ${list.commit}`);
  process.exit(2);
}
const work = process.env.CORPUS_WORK ?? join(tmpdir(), "cd-corpus");
if (!existsSync(join(work, "node_modules/@pulumi/aws"))) {
  console.error(`corpus: ${work}/node_modules lacks the programs' packages: see bench/corpus/README.md to install them`);
  process.exit(2);
}
linkOneRuntime(work, join(REPO, "node_modules/@pulumi/pulumi"));
const only = arg("only")?.split(",");

interface Row { folder: string; outcome: "evaluated" | "failed" | "crashed" | "silent"; code: number | null; findings: string[]; reason: string; ms: number }
const rows: Row[] = [];
for (const folder of list.folders.filter((f) => !only || only.includes(f))) {
  const dir = join(work, "programs", folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(work, "programs"), { recursive: true });
  // git archive of the pinned commit: the program exactly as published, outside this repository.
  const tar = spawnSync("sh", ["-c", `git -C "${corpus}" archive ${list.commit} "${folder}" | tar -x -C "${join(work, "programs")}"`]);
  if (tar.status !== 0) throw new Error(`corpus: cannot read ${folder} at ${list.commit}: ${tar.stderr}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(REPO, "bin/drill.js"), "verify", "--program", dir, "--stack", "dev", "--json"], {
    encoding: "utf8", timeout: 180_000, env: { ...process.env, NO_COLOR: "1", PULUMI_CONFIG_PASSPHRASE: "" },
  });
  rows.push(classify(folder, r.status, r.stdout ?? "", r.stderr ?? "", Date.now() - started));
  const last = rows.at(-1)!;
  console.error(`${last.outcome.padEnd(9)} ${folder} (${last.ms} ms) ${last.findings.join(" ")}${last.reason ? ` — ${last.reason}` : ""}`);
}

function classify(folder: string, code: number | null, stdout: string, stderr: string, ms: number): Row {
  const base = { folder, code, ms, findings: [] as string[], reason: "" };
  if (!stdout.trim() && !stderr.replace(/^warning: .*$/gm, "").trim()) return { ...base, outcome: "silent", reason: `exit ${code} with no output` };
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(stderr) && code !== 0 && code !== 1) return { ...base, outcome: "crashed", reason: stderr.split("\n").find((l) => l.trim()) ?? "" };
  if (code === 0 || code === 1) {
    const out = JSON.parse(stdout) as { findings: { rule: string; severity: string; resource?: string }[] };
    return { ...base, outcome: "evaluated", findings: out.findings.map((f) => `${f.rule}:${f.severity}:${f.resource ?? ""}`) };
  }
  return { ...base, outcome: "failed", reason: (stderr.match(/^drill: (.*)$/m)?.[1] ?? stderr.trim().split("\n")[0] ?? "").slice(0, 300) };
}

const count = (o: Row["outcome"]) => rows.filter((r) => r.outcome === o).length;
const table = [
  `| outcome | programs |`, `| --- | --- |`,
  ...(["evaluated", "failed", "crashed", "silent"] as const).map((o) => `| ${o} | ${count(o)} |`),
  `| findings (errors / warnings) | ${rows.flatMap((r) => r.findings).filter((f) => f.includes(":error:")).length} / ${rows.flatMap((r) => r.findings).filter((f) => f.includes(":warning:")).length} |`,
].join("\n");
const detail = rows.map((r) => `| ${r.folder} | ${r.outcome} | ${r.code} | ${r.findings.join("<br>") || "—"} | ${r.reason.replace(/\|/g, "\\|") || ""} |`).join("\n");
const report = `# Corpus: ${list.repository} @ ${list.commit.slice(0, 9)}\n\n${table}\n\n| program | outcome | exit | findings | reason |\n| --- | --- | --- | --- | --- |\n${detail}\n`;
writeFileSync(join(work, "corpus-report.md"), report);
console.log(report);
process.exitCode = count("crashed") + count("silent") > 0 ? 1 : 0;
