// `npm run corpus -- --with-plans`: real programs of pulumi/examples with a
// continuity plan appended (a tier-1 CriticalService depending on the program's
// own data stores, with-plans.json), evaluated by `drill verify`. Each program's
// infrastructure findings are compared with what reading its source shows
// (`expect`): found, missed, and any other finding listed for a reader to judge.
// The programs' code stays outside this repository (extracted per run).
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { linkOneRuntime } from "./one-runtime.ts";

interface Entry { folder: string; config: Record<string, string>; dependsOn: string[]; expect: string[]; why: string }
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const { commit } = JSON.parse(readFileSync(new URL("./programs.json", import.meta.url), "utf8")) as { commit: string };
const { programs } = JSON.parse(readFileSync(new URL("./with-plans.json", import.meta.url), "utf8")) as { programs: Entry[] };
const corpus = process.env.CORPUS_DIR;
const work = process.env.CORPUS_WORK ?? join(tmpdir(), "cd-corpus");
if (!corpus || !existsSync(join(work, "node_modules/@pulumi/aws"))) {
  console.error("corpus --with-plans: needs CORPUS_DIR and the shared node_modules (bench/corpus/README.md)");
  process.exit(2);
}
linkOneRuntime(work, join(REPO, "node_modules/@pulumi/pulumi"));

const plan = (e: Entry) => `
// Appended by continuity-drill's corpus bench (bench/corpus/with-plans.ts): a plan for this program.
import { CriticalService as CorpusCriticalService, declarePlan as corpusDeclarePlan } from "continuity-drill/stacks";
export const continuityPlan = corpusDeclarePlan([
  new CorpusCriticalService("app", {
    tier: 1, owner: "corpus", objectives: { rto: "15m", rpo: "5m", mtpd: "4h" },
    hazards: [{ id: "az-loss", title: "an availability zone is lost", likelihood: "possible", impact: "severe" }],
  }, { dependsOn: [${e.dependsOn.join(", ")}] }),
], { target: "aws" });
`;

/** A finding names its resource as `name (type)` or by URN: the name is what the source shows. */
const resourceName = (resource = "") => resource.replace(/ \(.*\)$/, "").split("::").at(-1) ?? "";

interface Row { folder: string; code: number | null; found: string[]; missed: string[]; other: string[]; reason: string }
const rows: Row[] = [];
for (const e of programs) {
  const dir = join(work, "with-plans", e.folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(work, "with-plans"), { recursive: true });
  const tar = spawnSync("bash", ["-o", "pipefail", "-c", `git -C "${corpus}" archive ${commit} "${e.folder}" | tar -x -C "${join(work, "with-plans")}"`]);
  if (tar.status !== 0) throw new Error(`corpus: cannot read ${e.folder} at ${commit}: ${tar.stderr}`);
  appendFileSync(join(dir, "index.ts"), plan(e));
  const config = Object.entries(e.config).flatMap(([k, v]) => ["--config", `${k}=${v}`]);
  const r = spawnSync(process.execPath, [join(REPO, "bin/drill.js"), "verify", "--program", dir, "--stack", "dev", "--json", ...config], {
    encoding: "utf8", timeout: 300_000, env: { ...process.env, NO_COLOR: "1", PULUMI_CONFIG_PASSPHRASE: "" },
  });
  let findings: string[] = [];
  let reason = "";
  try {
    const out = JSON.parse(r.stdout) as { findings: { rule: string; severity: string; resource?: string; message: string }[] };
    findings = out.findings.filter((f) => /^I\d/.test(f.rule)).map((f) => `${f.rule}:${resourceName(f.resource)}:${f.severity}`);
  } catch {
    reason = (r.stderr.match(/^drill: (.*)$/m)?.[1] ?? r.stderr.trim().split("\n")[0] ?? `exit ${r.status}`).slice(0, 300);
  }
  const key = (f: string) => f.split(":").slice(0, 2).join(":");
  const found = e.expect.filter((x) => findings.some((f) => key(f) === x));
  rows.push({ folder: e.folder, code: r.status, found, missed: e.expect.filter((x) => !found.includes(x)), other: findings.filter((f) => !e.expect.includes(key(f))), reason });
  const row = rows.at(-1)!;
  console.error(`${e.folder}: exit ${row.code}; found ${row.found.join(" ") || "—"}; missed ${row.missed.join(" ") || "—"}; other ${row.other.join(" ") || "—"}${reason ? `; ${reason}` : ""}`);
}

const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
const report = [
  `# Corpus with plans: pulumi/examples @ ${commit.slice(0, 9)}`,
  "",
  `${rows.length} programs; defects in the sources (single-AZ databases, single-node caches and clusters): ${sum((r) => r.found.length + r.missed.length)}; found ${sum((r) => r.found.length)}; missed ${sum((r) => r.missed.length)}; other infrastructure findings ${sum((r) => r.other.length)}; runs without a verdict ${rows.filter((r) => r.reason).length}.`,
  "",
  "| program | exit | found | missed | other infrastructure findings | reason |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.folder} | ${r.code} | ${r.found.join("<br>") || "—"} | ${r.missed.join("<br>") || "—"} | ${r.other.join("<br>") || "—"} | ${r.reason.replace(/\|/g, "\\|")} |`),
  "",
].join("\n");
writeFileSync(join(work, "corpus-with-plans.md"), report);
console.log(report);
process.exitCode = sum((r) => r.missed.length) + rows.filter((r) => r.reason).length > 0 ? 1 : 0;
