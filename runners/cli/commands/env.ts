// `drill env up | down | status | heal | bootstrap`: the embedded local
// environment — real HA services on 127.0.0.1, driven by what the stack declares.
// Human output to stdout, progress to stderr, errors thrown to the CLI edge.
import { defineCommand, type ArgsDef } from "citty";
import type { EnvOptions, EnvStatus, Member } from "../../env/index.ts";
import { inputError } from "../../../core/errors.ts";
import { debugArg, jsonArg } from "../args.ts";
import { paint, printJson, println, progress, table } from "../output.ts";

const stackArg = {
  stack: { type: "string", description: "Stack whose local services to manage (its Pulumi.<stack>.yaml)", default: "local", valueHint: "name" },
} as const satisfies ArgsDef;
const timeoutArg = {
  timeout: { type: "string", description: "Seconds to wait for the env to become healthy", default: "120", valueHint: "seconds" },
} as const satisfies ArgsDef;

const env = () => import("../../env/index.ts");

function options(args: { stack?: string; timeout?: string }): EnvOptions {
  const stack = args.stack ?? "local";
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw inputError(`--stack: "${stack}" is not a stack name`, { field: "--stack" });
  const timeout = args.timeout === undefined ? 120 : Number(args.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw inputError(`--timeout: "${args.timeout}" is not a positive number of seconds`, { field: "--timeout" });
  return { stack, timeoutMs: timeout * 1000, onProgress: progress };
}

const processCell = (m: Member) =>
  m.process === "running" ? "running" : m.process === "paused" ? paint.yellow("paused") : m.process === "dead" ? paint.red("dead") : paint.dim(m.process);

export function statusText(s: EnvStatus): string {
  const rows = s.members.map((m) => [
    paint.cyan(m.service), m.node, m.role === "primary" || m.role === "master" ? paint.bold(m.role) : m.role, m.address,
    m.pid === undefined ? "—" : String(m.pid), processCell(m), m.healthy ? paint.green("ok") : paint.red("NOT OK"), paint.dim(m.detail ?? ""),
  ]);
  const head = s.up ? paint.green(`stack ${s.stack}: up, full redundancy`) : paint.yellow(`stack ${s.stack}: not fully up`);
  return `${head}\n${table(["SERVICE", "NODE", "ROLE", "ADDRESS", "PID", "PROCESS", "HEALTH", "DETAIL"], rows)}`;
}

function report(s: EnvStatus, json: boolean, done: string): void {
  if (json) return printJson(s);
  println(paint.bold(done));
  println(statusText(s));
  println();
  println(`web:        http://127.0.0.1:${port(s, "haproxy")}  (POST /orders, GET /orders/:ref, GET|PUT /session/:id, GET /healthz)`);
  println(`orders-db:  postgres://postgres@${addrs(s, "orders-db")}/orders?target_session_attrs=primary`);
  println(`sessions:   redis-sentinel://${addrs(s, "sessions-cache", "sentinel")} (master name from the stack)`);
}

const port = (s: EnvStatus, node: string) => s.members.find((m) => m.node === node)?.address.split(":")[1] ?? "?";
const addrs = (s: EnvStatus, service: string, role?: string) =>
  s.members.filter((m) => m.service === service && m.role !== "monitor" && m.role !== "dcs" && (!role || m.role === role) && (role || m.role !== "sentinel")).map((m) => m.address).join(",");

const up = defineCommand({
  meta: { name: "up", description: "Start the local HA services (idempotent) and wait until every one is healthy" },
  args: { ...stackArg, ...timeoutArg, ...jsonArg, ...debugArg },
  async run({ args }) {
    const started = Date.now();
    const s = await (await env()).envUp(options(args));
    report(s, args.json, `env up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
});

const down = defineCommand({
  meta: { name: "down", description: "Stop every process the env started (verified by PID) and remove its state" },
  args: { ...stackArg, ...debugArg },
  async run({ args }) {
    await (await env()).envDown(options(args));
    println(`stack ${args.stack}: down`);
  },
});

const status = defineCommand({
  meta: { name: "status", description: "Each service's members and their roles, measured live" },
  args: { ...stackArg, ...jsonArg, ...debugArg },
  async run({ args }) {
    const s = await (await env()).envStatus(options(args));
    if (args.json) return printJson(s);
    println(statusText(s));
  },
});

const heal = defineCommand({
  meta: { name: "heal", description: "Resume paused and restart dead nodes, then wait for full redundancy" },
  args: { ...stackArg, ...timeoutArg, ...jsonArg, ...debugArg },
  async run({ args }) {
    const started = Date.now();
    const s = await (await env()).envHeal(options(args));
    report(s, args.json, `env healed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
});

const bootstrap = defineCommand({
  meta: { name: "bootstrap", description: "Install the Debian packages the stack's local env needs (as root), or print the command" },
  args: { ...stackArg, ...debugArg },
  async run({ args }) {
    await (await env()).bootstrap({ onProgress: progress, stack: args.stack });
    println(`stack ${args.stack}: local env packages all installed`);
  },
});

export const envCommand = defineCommand({
  meta: { name: "env", description: "The embedded local environment: real PostgreSQL/pg_auto_failover, Redis/Sentinel and HAProxy on 127.0.0.1" },
  subCommands: { up, down, status, heal, bootstrap },
});
