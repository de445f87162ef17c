import { describe, expect, it } from "vitest";
import { postgresHosts, rotatedHosts } from "../../../core/postgres-hosts.ts";

describe("postgres multi-host URLs", () => {
  it("reads the host list with and without user info", () => {
    expect(postgresHosts("postgres://u:p@127.0.0.1:1,127.0.0.1:2/db?target_session_attrs=primary")).toEqual(["127.0.0.1:1", "127.0.0.1:2"]);
    expect(postgresHosts("postgres://127.0.0.1:1,127.0.0.1:2/db")).toEqual(["127.0.0.1:1", "127.0.0.1:2"]);
    expect(postgresHosts("postgresql://u@a:1")).toEqual(["a:1"]);
    // An @ in the password must not be taken for the host separator.
    expect(postgresHosts("postgres://u:p%40x@h:1,h:2/db")).toEqual(["h:1", "h:2"]);
    expect(postgresHosts("not a url")).toEqual([]);
  });

  it("each new pool starts one host further, wrapping around", () => {
    const hosts = ["a:1", "b:2", "c:3"];
    expect([0, 1, 2, 3].map((k) => rotatedHosts(hosts, k))).toEqual(["a:1,b:2,c:3", "b:2,c:3,a:1", "c:3,a:1,b:2", "a:1,b:2,c:3"]);
    expect(rotatedHosts(["a:1"], 5)).toBeUndefined();
  });
});
