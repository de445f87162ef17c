import { describe, expect, it } from "vitest";
import { classifyNetworkError } from "../../../runners/probes/classify.ts";
import { classifyPostgresError } from "../../../runners/probes/postgres.ts";
import { classifyRedisError } from "../../../runners/probes/redis.ts";
import { judgeStatus } from "../../../runners/probes/http.ts";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("error classes", () => {
  it("network errno codes, also when wrapped as a cause", () => {
    expect(classifyNetworkError(withCode("ECONNREFUSED")).error).toBe("refused");
    expect(classifyNetworkError(withCode("ECONNRESET")).error).toBe("reset");
    expect(classifyNetworkError(withCode("UND_ERR_SOCKET", "other side closed")).error).toBe("reset");
    expect(classifyNetworkError(new Error("fetch failed", { cause: withCode("EHOSTUNREACH") })).error).toBe("unreachable");
    expect(classifyNetworkError(new Error("strange")).error).toBe("error");
  });

  it("HTTP: 5xx or outside the expected set is bad-status", () => {
    expect(judgeStatus(200, undefined)).toEqual({ ok: true });
    expect(judgeStatus(404, undefined)).toEqual({ ok: true });
    expect(judgeStatus(503, undefined)).toMatchObject({ ok: false, error: "bad-status", detail: "HTTP 503" });
    expect(judgeStatus(404, new Set([200]))).toMatchObject({ ok: false, error: "bad-status" });
    expect(judgeStatus(503, new Set([503]))).toMatchObject({ ok: false });
  });

  it("postgres: a standby's read-only error is wrong-role; a dropped connection is reset", () => {
    const pg = (code: string) => Object.assign(new Error("x"), { name: "PostgresError", code });
    expect(classifyPostgresError(pg("25006")).error).toBe("wrong-role");
    expect(classifyPostgresError(pg("57P01")).error).toBe("reset");
    expect(classifyPostgresError(pg("57P03")).error).toBe("refused");
    expect(classifyPostgresError(pg("42P01")).error).toBe("bad-status");
    expect(classifyPostgresError(withCode("CONNECTION_CLOSED")).error).toBe("reset");
    expect(classifyPostgresError(withCode("CONNECT_TIMEOUT")).error).toBe("timeout");
    expect(classifyPostgresError(withCode("ECONNREFUSED")).error).toBe("refused");
  });

  it("redis: READONLY is wrong-role, no connection with the offline queue off is unreachable", () => {
    const reply = (m: string) => Object.assign(new Error(m), { name: "ReplyError" });
    expect(classifyRedisError(reply("READONLY You can't write against a read only replica.")).error).toBe("wrong-role");
    expect(classifyRedisError(reply("ERR unknown command")).error).toBe("bad-status");
    expect(classifyRedisError(new Error("Stream isn't writeable and enableOfflineQueue options is false")).error).toBe("unreachable");
    expect(classifyRedisError(new Error("Connection is closed.")).error).toBe("reset");
    expect(classifyRedisError(new Error("Command timed out")).error).toBe("timeout");
    expect(classifyRedisError(withCode("ECONNREFUSED")).error).toBe("refused");
  });
});
