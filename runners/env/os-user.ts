// pg_autoctl and PostgreSQL refuse to run as root, so when we are root they run
// as the `postgres` OS user that Debian's postgresql package creates.
import { readFileSync } from "node:fs";
import { environmentError } from "../../core/errors.ts";

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export function parsePasswd(text: string, name: string): OsUser | undefined {
  for (const line of text.split("\n")) {
    const f = line.split(":");
    if (f[0] === name && f.length >= 7) return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? "/" };
  }
  return undefined;
}

export const isRoot = () => process.getuid?.() === 0;

/** The user PostgreSQL runs as: `postgres` when we are root, ourselves otherwise. */
export function postgresUser(): OsUser | undefined {
  if (!isRoot()) return undefined;
  const user = parsePasswd(readFileSync("/etc/passwd", "utf8"), "postgres");
  if (!user) throw environmentError("orders-db: we are root but there is no `postgres` OS user to run PostgreSQL as (is postgresql-15 installed? try `drill env bootstrap`)");
  return user;
}
