// `npm run torture [-- --runs N]`: the interrupt and crash torture on the local
// stack (brings it up first), with the counts as a table. Exit 1 on any leftover.
import { envUp } from "../../runners/env/index.ts";
import { torture } from "./torture.ts";

const i = process.argv.indexOf("--runs");
const runs = i > 0 ? Number(process.argv[i + 1]) : 50;
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs: "${process.argv[i + 1]}" is not a whole number ≥ 1\n`);
  process.exit(2);
}
await envUp({ onProgress: (m) => process.stderr.write(`[env] ${m}\n`) });
const started = Date.now();
const r = await torture(runs, (m) => process.stderr.write(`${m}\n`));
const rows = [
  ["runs", String(r.runs), ""],
  ["interrupted by SIGINT", String(r.sigint), ""],
  ["killed (SIGKILL) then drill recover", String(r.sigkill), ""],
  ["finished before the signal", String(r.finishedFirst), ""],
  ["signalled after judging (verdict kept)", String(r.judgedFirst), ""],
  ["leftovers found", String(r.leftovers.length), "target 0"],
  ["max heal time after SIGINT", `${r.maxHealAfterSigintMs} ms`, "target ≤ 2000 ms"],
  ["unreadable journals", String(r.journalsUnreadable), "target 0"],
  ["wall time", `${((Date.now() - started) / 60_000).toFixed(1)} min`, ""],
];
for (const [a, b, c] of rows) process.stdout.write(`${a!.padEnd(38)} ${b!.padEnd(10)} ${c}\n`);
for (const l of r.leftovers) process.stdout.write(`LEFTOVER ${l}\n`);
process.exit(r.leftovers.length || r.journalsUnreadable || r.maxHealAfterSigintMs > 2_000 ? 1 : 0);
