// Which processes a stack's env counts as its own: a path of its state
// directory in the command line or as the working directory — whole paths
// only, since the `local` stack's directory is a prefix of `local-patroni`'s
// and the two stacks run side by side.
import { describe, expect, it } from "vitest";
import { ourMatcher } from "../../../runners/env/our-processes.ts";
import { servesDataDir } from "../../../runners/env/pg/postmaster.ts";

const local = ourMatcher({ stateDir: "/srv/drill", stack: "local" });

describe("ourMatcher", () => {
  it("knows its own stack's processes by an argument, an --opt=value or the working directory", () => {
    expect(local("/usr/bin/pg_autoctl run --pgdata /srv/drill/env/local/pg/node-a")).toBe(true);
    expect(local("postgres -D /srv/drill/env/local/pg/node-a --config-file=/srv/drill/env/local/pg/node-a/postgresql.conf")).toBe(true);
    expect(local("node server.ts --env-dir /srv/drill/env/local")).toBe(true);
    expect(local("postgres: checkpointer", "/srv/drill/env/local/pg/node-b")).toBe(true);
  });

  it("never takes another stack's whose directory it is a prefix of", () => {
    expect(local("/usr/bin/python3 /usr/bin/patroni /srv/drill/env/local-patroni/pg/patroni/node-a.yml")).toBe(false);
    expect(local("postgres -D /srv/drill/env/local-patroni/pg/node-a")).toBe(false);
    expect(local("node server.ts --env-dir /srv/drill/env/local-patroni")).toBe(false);
    expect(local("postgres: walsender", "/srv/drill/env/local-patroni/pg/node-a")).toBe(false);
  });
});

describe("the postmaster of a data directory", () => {
  it("is postgres started with -D exactly that directory, not a program that merely names it", () => {
    const dir = "/srv/drill/env/local-patroni/pg/node-a";
    expect(servesDataDir(`/usr/lib/postgresql/15/bin/postgres -D ${dir} --config-file=${dir}/postgresql.conf --listen_addresses=127.0.0.1`, dir)).toBe(true);
    expect(servesDataDir(`/usr/lib/postgresql/15/bin/pg_rewind --target-pgdata ${dir} --source-server user=postgres`, dir)).toBe(false);
    expect(servesDataDir(`less ${dir}/postgresql.conf`, dir)).toBe(false);
    expect(servesDataDir(`/usr/lib/postgresql/15/bin/postgres -D ${dir}-old`, dir)).toBe(false);
  });
});
