#!/usr/bin/env node
// A stand-in for the k6 binary, for tests (no k6 can be installed here). Put on
// PATH as `k6`, it accepts `k6 run … --out json=FILE [-e K=V]… SCRIPT` and
// replays recorded lines of k6's JSON output into FILE at their recorded pace,
// re-stamped to now, then exits as k6 would. Driven by environment variables:
//   FAKE_K6_FIXTURE        lines to replay (required)
//   FAKE_K6_EXIT           exit code at the natural end (default 0; 99 = thresholds failed)
//   FAKE_K6_SPEED          replay speed factor (default 1)
//   FAKE_K6_HOLD_MS        stay running this long after the replay (a longer script duration)
//   FAKE_K6_IGNORE_SIGINT  "1": ignore SIGINT (a k6 that hangs on stop)
//   FAKE_K6_ARGS           write the argv and the -e pairs it got to this file, as JSON
// On SIGINT it stops writing and exits 105, as k6 does when a signal aborts it.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

const argv = process.argv.slice(2);
const fail = (message) => (process.stderr.write(`fake-k6: ${message}\n`), process.exit(104));
if (argv[0] !== "run") fail(`expected "run", got ${argv[0]}`);
let out;
const env = {};
for (let i = 1; i < argv.length - 1; i++) {
  if (argv[i] === "--out" || argv[i] === "-o") out = argv[++i];
  else if (argv[i] === "-e" || argv[i] === "--env") {
    const [k, ...v] = argv[++i].split("=");
    env[k] = v.join("=");
  }
}
if (!out?.startsWith("json=")) fail("expected --out json=FILE");
const file = out.slice("json=".length);

const speed = Number(process.env.FAKE_K6_SPEED ?? 1);
const lines = readFileSync(process.env.FAKE_K6_FIXTURE ?? fail("FAKE_K6_FIXTURE not set"), "utf8").split("\n").filter(Boolean);
let stopped = false;
process.on("SIGINT", () => {
  if (process.env.FAKE_K6_IGNORE_SIGINT === "1") return;
  stopped = true;
  process.stderr.write("test run was aborted because k6 received a 'interrupt' signal\n");
  process.exit(105);
});
// Written once the SIGINT handler is in place, so a test can wait for it.
if (process.env.FAKE_K6_ARGS) writeFileSync(process.env.FAKE_K6_ARGS, JSON.stringify({ argv, env, script: argv[argv.length - 1] }));

const TIME = /"time":"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2}):(\d{2})"/;
const wallOf = (m) => Date.parse(`${m[1]}${m[3]}:${m[4]}`) + Number(`0${m[2] ?? ""}`) * 1000;
function stamp(ms, sign, hh, mm) {
  const off = (sign === "-" ? -1 : 1) * (Number(hh.slice(1)) * 60 + Number(mm));
  const local = ms + off * 60_000;
  const whole = Math.floor(local / 1000) * 1000;
  const nanos = String(Math.min(999_999_999, Math.round((local - whole) * 1e6))).padStart(9, "0");
  return `${new Date(whole).toISOString().slice(0, 19)}.${nanos}${hh}:${mm}`;
}

writeFileSync(file, "");
const first = lines.map((l) => TIME.exec(l)).find(Boolean);
const recordedStart = first ? wallOf(first) : 0;
const start = Date.now();
for (const line of lines) {
  if (stopped) break;
  const m = TIME.exec(line);
  if (!m) {
    appendFileSync(file, `${line}\n`);
    continue;
  }
  const at = start + (wallOf(m) - recordedStart) / speed;
  const wait = at - Date.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  appendFileSync(file, `${line.replace(TIME, `"time":"${stamp(at, m[3][0], m[3], m[4])}"`)}\n`);
}
const hold = Number(process.env.FAKE_K6_HOLD_MS ?? 0);
if (hold > 0) await new Promise((r) => setTimeout(r, hold));
process.exit(Number(process.env.FAKE_K6_EXIT ?? 0));
