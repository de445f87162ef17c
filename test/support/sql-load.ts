// Starts the user's write traffic (sql-load-child.ts) beside a drill and stops
// it afterwards, bounded; killed on exit so nothing outlives the test.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SqlLoadReport } from "./sql-load-child.ts";

export interface SqlLoad {
  stop(): Promise<SqlLoadReport>;
}

export async function startSqlLoad(spec: Record<string, unknown>): Promise<SqlLoad> {
  const child = fork(fileURLToPath(new URL("./sql-load-child.ts", import.meta.url)), [JSON.stringify(spec)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const exited = new Promise<number | null>((ok) => child.once("exit", ok));
  await new Promise<void>((ok, fail) => {
    child.once("message", () => ok());
    void exited.then((code) => fail(new Error(`the SQL write load exited (${code}) before it started`)));
  });
  let stopping: Promise<SqlLoadReport> | undefined;
  return {
    stop() {
      stopping ??= new Promise<SqlLoadReport>((ok, fail) => {
        const timer = setTimeout(() => (kill(), fail(new Error("the SQL write load did not stop within 20 s"))), 20_000);
        child.once("message", (m) => (clearTimeout(timer), ok(m as SqlLoadReport)));
        void exited.then((code) => (clearTimeout(timer), fail(new Error(`the SQL write load exited (${code}) before it reported`))));
        child.send("stop");
      }).finally(() => process.off("exit", kill));
      return stopping;
    },
  };
}
