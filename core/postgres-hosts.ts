// Multi-host PostgreSQL URLs: the host list, and the same list starting at
// another host. postgres.js tries a URL's hosts in order, and a pool that starts
// on a host that accepts TCP but never answers (partitioned behind a proxy,
// SIGSTOPped) spends its first connect timeout there; a client that always
// opens its fresh pools at the first host therefore keeps hitting the dead one
// and measures its own reconnect policy instead of the failover. Rotating the
// start host per new pool is what a sane client does.

/** "h1:p1,h2:p2" hosts of a postgres:// URL (user info and path stripped); [] when there is none. */
export function postgresHosts(url: string): string[] {
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(url)?.[1] ?? "";
  const hosts = authority.slice(authority.lastIndexOf("@") + 1);
  return hosts ? hosts.split(",") : [];
}

/** The `host` option that starts at host `k` (mod n); undefined for a single host. */
export function rotatedHosts(hosts: readonly string[], k: number): string | undefined {
  const n = hosts.length;
  if (n < 2) return undefined;
  return hosts.map((_, i) => hosts[(i + k) % n]).join(",");
}
