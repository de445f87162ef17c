// A throwaway PostgreSQL 15 cluster for integration tests: initdb into a temp
// dir owned by the `postgres` user (PostgreSQL refuses to run as root), a free
// port on 127.0.0.1, trust auth, fsync off. Optionally a streaming standby of
// another throwaway cluster, to see a read-only node.
import { execFileSync } from "node:child_process";
import { chownSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { startServer, type ServerProcess } from "./child.ts";
import { freePort } from "./free-port.ts";

const BIN = "/usr/lib/postgresql/15/bin";

export interface ThrowawayPostgres {
  host: "127.0.0.1";
  port: number;
  /** postgres://postgres@127.0.0.1:port/postgres */
  url: string;
  process(): ServerProcess;
  pause(): void;
  resume(): void;
  /** Fast shutdown (or SIGKILL when `crash`), keeping the data dir for start(). */
  stop(crash?: boolean): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its temp dir. */
  destroy(): Promise<void>;
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

export async function startThrowawayPostgres(options: { standbyOf?: ThrowawayPostgres } = {}): Promise<ThrowawayPostgres> {
  const user = postgresUser();
  const dir = await mkdtemp(join(tmpdir(), "cd-pg-"));
  chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const asPostgres = { ...user, env: { PATH: process.env.PATH ?? "", LC_ALL: "C.UTF-8" }, cwd: dir };
  if (options.standbyOf) {
    const source = options.standbyOf;
    const args = ["-h", "127.0.0.1", "-p", String(source.port), "-U", "postgres", "-D", data, "-R", "-X", "stream"];
    execFileSync(`${BIN}/pg_basebackup`, args, { ...asPostgres, stdio: "pipe" });
  } else {
    execFileSync(`${BIN}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"], { ...asPostgres, stdio: "pipe" });
  }
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const serverArgs = ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"];
  let proc: ServerProcess | undefined;
  const start = async (): Promise<void> => {
    proc = startServer(`${BIN}/postgres`, serverArgs, asPostgres);
    await waitForSelect(url, proc);
  };
  await start();
  return {
    host: "127.0.0.1",
    port,
    url,
    process: () => proc!,
    pause: () => proc?.signal("SIGSTOP"),
    resume: () => proc?.signal("SIGCONT"),
    // SIGINT is PostgreSQL's fast shutdown: roll back, disconnect, stop.
    stop: async (crash = false) => proc?.stop(crash ? "SIGKILL" : "SIGINT"),
    start,
    async destroy() {
      await proc?.stop("SIGINT");
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForSelect(url: string, proc: ServerProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => undefined });
  try {
    while (Date.now() < deadline) {
      if (await sql.unsafe("select 1").then(() => true, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`postgres at ${url} did not answer within ${timeoutMs} ms:\n${proc.log()}`);
  } finally {
    await sql.end({ timeout: 0 });
  }
}
