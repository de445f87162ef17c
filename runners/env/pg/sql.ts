// One short-lived query against one PostgreSQL server on 127.0.0.1, bounded in
// time even when the server is paused (a stopped process still completes the
// TCP handshake through the kernel, then never answers).
import postgres from "postgres";

export async function queryOnce<T extends Record<string, unknown>>(port: number, database: string, text: string, timeoutMs = 1_500, user = "postgres"): Promise<T[]> {
  const sql = postgres({ host: "127.0.0.1", port, database, user, max: 1, connect_timeout: Math.ceil(timeoutMs / 1000), idle_timeout: 1, onnotice: () => {}, fetch_types: false });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`no answer from 127.0.0.1:${port} within ${timeoutMs} ms`)), timeoutMs);
    });
    return (await Promise.race([sql.unsafe(text), timeout])) as unknown as T[];
  } finally {
    clearTimeout(timer);
    void sql.end({ timeout: 0 }).catch(() => {});
  }
}
