import { describe, expect, it } from "vitest";
import { installCommand, missingPackages, PACKAGES } from "../../../runners/env/bootstrap.ts";
import { parsePasswd } from "../../../runners/env/os-user.ts";
import { ourMatcher } from "../../../runners/env/our-processes.ts";

describe("bootstrap", () => {
  it("names exactly the packages whose binary is missing", () => {
    const missing = missingPackages((p) => !p.includes("pg_autoctl") && !p.includes("haproxy"));
    expect(missing.map((p) => p.name)).toEqual(["postgresql-15-auto-failover", "haproxy"]);
    expect(missingPackages(() => true)).toEqual([]);
  });

  it("prints one apt-get command that updates first", () => {
    expect(installCommand(PACKAGES.map((p) => p.name))).toBe(
      "apt-get update && apt-get install -y --no-install-recommends postgresql-15 postgresql-15-auto-failover redis-server redis-sentinel haproxy iptables",
    );
  });
});

describe("parsePasswd", () => {
  it("finds the postgres user", () => {
    const text = "root:x:0:0:root:/root:/bin/bash\npostgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash\n";
    expect(parsePasswd(text, "postgres")).toEqual({ name: "postgres", uid: 101, gid: 104, home: "/var/lib/postgresql" });
    expect(parsePasswd(text, "nobody")).toBeUndefined();
  });
});

describe("ourMatcher", () => {
  const ours = ourMatcher({ stateDir: "/srv/drill" });

  it("claims processes running out of the env dir, by cmdline or cwd", () => {
    expect(ours("redis-server 127.0.0.1:16379  /srv/drill/env/local/redis/redis-a/redis-a.conf")).toBe(true);
    expect(ours("postgres: checkpointer", "/srv/drill/env/local/pg/node-a")).toBe(true);
  });

  it("leaves everything else alone, including a sibling dir with the same prefix", () => {
    expect(ours("postgres: checkpointer", "/var/lib/postgresql/15/main")).toBe(false);
    expect(ours("redis-server *:6379")).toBe(false);
    expect(ours("postgres: walwriter", "/srv/drill/env/local-other/pg")).toBe(false);
  });
});
